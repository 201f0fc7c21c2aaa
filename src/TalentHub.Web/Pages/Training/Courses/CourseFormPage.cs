using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>What the create and edit pages share: the choices, and applying the input through the course's domain methods.</summary>
public abstract class CourseFormPage(TalentHubDbContext db, IRegionScope scope, UserManager<AppUser> users, RegionDirectory directory,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
    : StaffFormPage<CourseInput>(db, l)
{
    /// <summary>The clock that says "now" for the session rules and the form's defaults.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>Blank session rows offered at the end of the form.</summary>
    public const int BlankRows = 5;

    public sealed record Option(string Value, string Label);
    public sealed record RegionOption(string Code, string Label, RegionLevel Level, string County);

    public IReadOnlyList<Option> Programs { get; private set; } = [];
    public IReadOnlyList<Trainers.Trainer> TrainerChoices { get; private set; } = [];
    public IReadOnlyList<Option> Counties { get; private set; } = [];
    /// <summary>Counties, townships and villages (county staff: their own county only).</summary>
    public IReadOnlyList<RegionOption> RegionChoices { get; private set; } = [];
    /// <summary>The county a county user is confined to; null for city-wide users.</summary>
    public string? ScopeCounty => scope.CountyCode;

    /// <summary>
    /// The warning next to 学时 when the course's sessions add up to less than its declared hours (<see cref="Course.WarnsOfHours"/>:
    /// a draft with sessions only; past draft it is an error), or null.
    /// </summary>
    public string? HoursWarning { get; private set; }

    /// <summary>Ids of the sessions that may be neither deleted nor moved (<see cref="Course.IsHeld"/>): the form offers no 删除 for them.</summary>
    public IReadOnlySet<int> HeldSessions { get; private set; } = new HashSet<int>();

    /// <summary>Ids of the course's sessions with attendance marks, once read for this request (the edit page reads them first).</summary>
    private IReadOnlySet<int>? markedSessions;

    /// <summary>Sets <see cref="HeldSessions"/> for <paramref name="course"/> as stored.</summary>
    protected async Task FindHeldSessionsAsync(Course course)
    {
        var marked = await MarkedSessionsAsync(course);
        var now = clock.GetUtcNow();
        HeldSessions = course.Sessions.Where(s => s.Id != 0 && course.IsHeld(s, marked.Contains(s.Id), now)).Select(s => s.Id).ToHashSet();
    }

    private async Task<IReadOnlySet<int>> MarkedSessionsAsync(Course course) => markedSessions ??= course.Id == 0 ? new HashSet<int>()
        : (await Db.Attendance.Where(a => a.CourseId == course.Id).Select(a => a.SessionId).Distinct().ToListAsync()).ToHashSet();

    /// <summary>Sets <see cref="HoursWarning"/> for <paramref name="course"/> as it stands.</summary>
    protected void WarnOfHours(Course course) => HoursWarning = course.WarnsOfHours ? HoursText(L, course) : null;

    /// <summary>The localized warning for declared hours the sessions do not cover (Course.HoursNotCoveredDraft).</summary>
    public static string HoursText(IStringLocalizer l, Course course) => l["Course.HoursNotCoveredDraft",
        course.TotalHours.ToString("0.#", CultureInfo.InvariantCulture), course.SessionHours.ToString("0.#", CultureInfo.InvariantCulture)];

    protected async Task<PageResult> RedisplayAsync()
    {
        Programs = await Db.Programs.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new Option(p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToListAsync();
        TrainerChoices = await Trainers.AllAsync(users);
        var tree = await directory.GetAsync();
        var regions = tree.All.Where(r => r.Level != RegionLevel.City).ToList();
        Counties = regions.Where(r => r.Level == RegionLevel.County).Select(r => new Option(r.Code, tree.NameOf(r.Code)!)).ToList();
        var countyNames = Counties.ToDictionary(c => c.Value, c => c.Label);
        RegionChoices = regions
            .Where(r => scope.Allows(r.Code))
            .Select(r => new RegionOption(r.Code, tree.NameOf(r.Code)!, r.Level, countyNames.GetValueOrDefault(r.CountyCode ?? "", "")))
            .ToList();
        while (Input.Sessions.Count(s => s.IsBlank) < BlankRows) Input.Sessions.Add(new SessionInput());
        return Page();
    }

    /// <summary>
    /// Copies the input onto the course; false (with every problem next to its field) when a rule fails. Each rule runs
    /// whenever the fields it reads passed their own checks, so every error shows in one round; nothing is saved then.
    /// </summary>
    protected async Task<bool> ApplyAsync(Course course)
    {
        var input = Input;
        if (Valid("Input.RegionCode") && input.RegionCode is { } region)
        {
            var known = await Db.Regions.AnyAsync(r => r.Code == region && r.Level != RegionLevel.City);
            if (!known || !scope.Allows(region))
                ModelState.AddModelError("Input.RegionCode", L["Course.RegionInvalid"]);
            else Try(() => course.MoveTo(region));
        }
        if (input.ProgramId is { } programId && !await Db.Programs.AnyAsync(p => p.Id == programId))
            ModelState.AddModelError("Input.ProgramId", L["Course.ProgramNotFound"]);
        var trainer = Clean(input.TrainerUserName);
        if (trainer is not null && (await Trainers.AllAsync(users)).All(t => t.UserName != trainer))
            ModelState.AddModelError("Input.TrainerUserName", L["Course.TrainerNotFound"]);
        var counties = input.EligibleCounties.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Order().ToList();
        if (counties.Count > 0 && await Db.Regions.CountAsync(r => counties.Contains(r.Code) && r.Level == RegionLevel.County) != counties.Count)
            ModelState.AddModelError("Input.EligibleCounties", L["Course.CountyInvalid"]);
        if (Valid("Input.Venue", "Input.OnlineLink")) Try(() => course.SetPlace(input.Venue, input.OnlineLink));
        if (Valid("Input.ContactName", "Input.ContactPhone")) Try(() => course.SetContact(input.ContactName, input.ContactPhone));
        if (Valid("Input.MinAge", "Input.MaxAge") && input.MinAge is { } minAge) Try(() => course.SetAgeRange(minAge, input.MaxAge));
        if (Valid("Input.Assessed", "Input.PassMark")) Try(() => course.SetAssessment(input.Assessed, input.PassMark));
        if (Valid("Input.Capacity") && input.Capacity is { } capacity) Try(() => course.SetCapacity(capacity));
        if (Valid("Input.EnrollmentOpensAt", "Input.EnrollmentClosesAt") && input.EnrollmentOpensAt is { } opens && input.EnrollmentClosesAt is { } closes)
            Try(() => course.SetWindow(ToUtc(opens), ToUtc(closes)));
        // The declared hours against the sessions' hours: once the sessions are applied, whatever else failed.
        var marked = await MarkedSessionsAsync(course);
        var sessionsApplied = ApplySessions(course, marked);
        if (sessionsApplied && Valid("Input.TotalHours"))
        {
            course.TotalHours = input.TotalHours ?? course.SessionHours;
            if (Try(course.EnsureHoursCovered)) WarnOfHours(course);
        }
        // A published course's sessions stay after its window opens (a draft is checked when it is published). Once enrollment has
        // closed, sessions have been held: reopening enrollment on a running course (opening moved to today) is not refused for them.
        if (sessionsApplied && course.Status is CourseStatus.Published or CourseStatus.EnrollmentOpen
            && Valid("Input.EnrollmentOpensAt", "Input.EnrollmentClosesAt"))
            Try(course.CheckSessionsAfterOpening);
        if (!ModelState.IsValid) return false;

        course.Title = input.Title!.Trim();
        course.ProgramId = input.ProgramId;
        course.Category = input.Category!.Value;
        course.Topic = input.Topic!.Value;
        course.Level = input.Level!.Value;
        course.TraineeType = input.TraineeType!.Value;
        course.Organiser = input.Organiser!.Trim();
        course.TrainerUserName = trainer;
        course.TargetCategories = input.TargetCategories.Count == 0 ? null : string.Join(",", input.TargetCategories.Distinct().Order());
        course.EligibleCounties = counties.Count == 0 ? null : string.Join(",", counties);
        course.MinAttendanceShare = input.MinAttendancePercent!.Value / 100m;
        course.MinEducation = input.MinEducation;
        return true;
    }

    /// <summary>
    /// Checks the whole set of sessions the form leaves (kept, changed and new) with the course's own
    /// rule, then deletes, updates and adds on the course. Existing sessions keep their ids. False (and the course's
    /// sessions untouched) when a row has an error. A session under way (check-in open) or holding marks (<paramref name="marked"/>;
    /// <see cref="Course.IsHeld"/>) is neither deleted nor moved (<see cref="Course.CheckHeldSession"/>), whether its row asks
    /// for it or is missing from the post.
    /// </summary>
    private bool ApplySessions(Course course, IReadOnlySet<int> marked)
    {
        var now = clock.GetUtcNow();
        var kept = new List<(SessionInput Row, DateTimeOffset Start, DateTimeOffset End)>();
        for (var i = 0; i < Input.Sessions.Count; i++)
        {
            var row = Input.Sessions[i];
            var key = $"Input.Sessions[{i}]";
            if (row.IsBlank) continue;
            if (row.Id is { } id && course.Sessions.All(s => s.Id != id))
            {
                ModelState.AddModelError(key, L["Course.SessionNotFound"]);
                continue;
            }
            var stored = course.Sessions.FirstOrDefault(s => s.Id == row.Id);
            if (row.Delete)
            {
                if (stored is not null) Try(() => course.CheckHeldSession(stored, null, marked.Contains(stored.Id), now), key);
                continue;
            }
            if (row.Date is null) ModelState.AddModelError(key + ".Date", L["Validation.Required", L["Course.Session.Date"]]);
            if (row.Start is null) ModelState.AddModelError(key + ".Start", L["Validation.Required", L["Course.Session.Start"]]);
            if (row.End is null) ModelState.AddModelError(key + ".End", L["Validation.Required", L["Course.Session.End"]]);
            if (row.Date is not { } date || row.Start is not { } start || row.End is not { } end) continue;
            // The form shows whole minutes: a stored time it shows unchanged keeps its seconds (a session created otherwise, as the
            // demo's running one, was otherwise "moved" by every save of the form: refused once held, and the trainees told of a change).
            var startsAt = AsShown(ToUtc(date.ToDateTime(start)), stored?.StartsAt);
            var endsAt = AsShown(ToUtc(date.ToDateTime(end)), stored?.EndsAt);
            // The form has one date per row: a stored session that runs past midnight (the demo's running one, seeded late in the
            // evening) shows its end on its start's date, which read back is before the start. Its end as shown is kept.
            if (stored is not null && endsAt <= startsAt && AsShown(ToUtc(date.AddDays(1).ToDateTime(end)), stored.EndsAt) == stored.EndsAt)
                endsAt = stored.EndsAt;
            try
            {
                if (stored is not null) course.CheckHeldSession(stored, startsAt, marked.Contains(stored.Id), now);
                course.CheckSessionStart(startsAt, stored?.StartsAt, now);
                Course.CheckSessionTimes(startsAt, endsAt, kept.Select(k => (k.Start, k.End)));
                kept.Add((row, startsAt, endsAt));
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(key, L[ex.MessageKey, ex.Args]);
            }
        }
        var keptIds = kept.Where(k => k.Row.Id is not null).Select(k => k.Row.Id!.Value).ToHashSet();
        var posted = Input.Sessions.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        // A session the post has no row for at all (a form from before it was added, a crafted post) would be removed as well.
        foreach (var missing in course.Sessions.Where(s => !posted.Contains(s.Id)))
            Try(() => course.CheckHeldSession(missing, null, marked.Contains(missing.Id), now), "Input.Sessions");
        if (!Valid("Input.Sessions")) return false;

        course.Sessions.RemoveAll(s => !keptIds.Contains(s.Id));
        foreach (var (row, startsAt, endsAt) in kept)
        {
            if (row.Id is null) continue;
            var session = course.Sessions.First(s => s.Id == row.Id);
            if (session.StartsAt != startsAt) session.RemindedAt = null;
            session.StartsAt = startsAt;
            session.EndsAt = endsAt;
            session.Topic = Clean(row.Topic) ?? "";
            session.TrainerName = Clean(row.TrainerName);
            session.Place = Clean(row.Place);
        }
        var added = true;
        foreach (var (row, startsAt, endsAt) in kept.Where(k => k.Row.Id is null))
            added &= Try(() => course.AddSession(startsAt, endsAt, Clean(row.Topic) ?? "", Clean(row.TrainerName), Clean(row.Place), now));
        return added;
    }

    /// <summary><paramref name="stored"/> when <paramref name="posted"/> is that instant as the form shows it (to the minute), else <paramref name="posted"/>.</summary>
    private static DateTimeOffset AsShown(DateTimeOffset posted, DateTimeOffset? stored) =>
        stored is { } s && s.UtcTicks - s.UtcTicks % TimeSpan.TicksPerMinute == posted.UtcTicks ? s : posted;

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    public static DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ShanghaiTime.Zone));
}
