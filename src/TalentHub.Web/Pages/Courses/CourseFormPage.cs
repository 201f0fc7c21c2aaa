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

namespace TalentHub.Web.Pages.Courses;

/// <summary>What the create and edit pages share: the choices, and applying the input through the course's domain methods.</summary>
public abstract class CourseFormPage(TalentHubDbContext db, IRegionScope scope, UserManager<AppUser> users, IStringLocalizer<SharedResource> l)
    : PageModel
{
    /// <summary>Blank session rows offered at the end of the form.</summary>
    public const int BlankRows = 5;

    public sealed record Option(string Value, string Label);
    public sealed record RegionOption(string Code, string Label, RegionLevel Level, string County);

    [BindProperty] public CourseInput Input { get; set; } = new();

    public IReadOnlyList<Option> Programs { get; private set; } = [];
    public IReadOnlyList<Trainers.Trainer> TrainerChoices { get; private set; } = [];
    public IReadOnlyList<Option> Counties { get; private set; } = [];
    /// <summary>Counties, townships and villages (county staff: their own county only).</summary>
    public IReadOnlyList<RegionOption> RegionChoices { get; private set; } = [];
    public abstract bool IsEdit { get; }

    /// <summary>The county a county user is confined to; null for city-wide users.</summary>
    public string? ScopeCounty => scope.CountyCode;
    protected TalentHubDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;

    protected async Task<PageResult> RedisplayAsync()
    {
        var english = TalentHubCultures.IsEnglish;
        Programs = await db.Programs.AsNoTracking().OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new Option(p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToListAsync();
        TrainerChoices = await Trainers.AllAsync(users);
        var regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.City).OrderBy(r => r.Code).ToListAsync();
        Counties = regions.Where(r => r.Level == RegionLevel.County).Select(r => new Option(r.Code, r.DisplayName(english))).ToList();
        var countyNames = Counties.ToDictionary(c => c.Value, c => c.Label);
        RegionChoices = regions
            .Where(r => scope.Allows(r.Code))
            .Select(r => new RegionOption(r.Code, r.DisplayName(english), r.Level, countyNames.GetValueOrDefault(r.CountyCode ?? "", "")))
            .ToList();
        while (Input.Sessions.Count(s => s.IsBlank) < BlankRows) Input.Sessions.Add(new SessionInput());
        return Page();
    }

    /// <summary>Copies the input onto the course; false (with every problem next to its field) when a rule fails.</summary>
    protected async Task<bool> ApplyAsync(Course course)
    {
        var input = Input;
        if (input.RegionCode is { } region)
        {
            var known = await db.Regions.AnyAsync(r => r.Code == region && r.Level != RegionLevel.City);
            if (!known || !scope.Allows(region))
                ModelState.AddModelError("Input.RegionCode", L["Course.RegionInvalid"]);
            else Try(() => course.MoveTo(region));
        }
        if (input.ProgramId is { } programId && !await db.Programs.AnyAsync(p => p.Id == programId))
            ModelState.AddModelError("Input.ProgramId", L["Course.ProgramNotFound"]);
        var trainer = Clean(input.TrainerUserName);
        if (trainer is not null && (await Trainers.AllAsync(users)).All(t => t.UserName != trainer))
            ModelState.AddModelError("Input.TrainerUserName", L["Course.TrainerNotFound"]);
        var counties = input.EligibleCounties.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().Order().ToList();
        if (counties.Count > 0 && await db.Regions.CountAsync(r => counties.Contains(r.Code) && r.Level == RegionLevel.County) != counties.Count)
            ModelState.AddModelError("Input.EligibleCounties", L["Course.CountyInvalid"]);
        if (Clean(input.Venue) is null && Clean(input.OnlineLink) is null)
            ModelState.AddModelError("Input.Venue", L["Course.VenueOrLink"]);
        if (input.MaxAge is { } max && input.MinAge is { } min && max < min)
            ModelState.AddModelError("Input.MaxAge", L["Course.AgeRange"]);
        if (input.Assessed && input.PassMark is null)
            ModelState.AddModelError("Input.PassMark", L["Validation.Required", L["Course.PassMark"]]);
        if (input.Capacity is { } capacity) Try(() => course.SetCapacity(capacity));
        if (input.EnrollmentOpensAt is { } opens && input.EnrollmentClosesAt is { } closes)
            Try(() => course.SetWindow(ToUtc(opens), ToUtc(closes)));
        ApplySessions(course);
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
        course.Venue = Clean(input.Venue);
        course.OnlineLink = Clean(input.OnlineLink);
        course.TotalHours = input.TotalHours ?? course.Sessions.Sum(s => s.Hours);
        course.MinAttendanceShare = input.MinAttendancePercent!.Value / 100m;
        course.Assessed = input.Assessed;
        course.PassMark = input.PassMark ?? 60;
        course.MinAge = input.MinAge!.Value;
        course.MaxAge = input.MaxAge;
        course.MinEducation = input.MinEducation;
        return true;
    }

    /// <summary>
    /// Checks the whole set of sessions the form leaves (kept, changed and new) with the domain's own
    /// rules on a scratch course, then deletes, updates and adds on the real one. Existing sessions keep their ids.
    /// </summary>
    private void ApplySessions(Course course)
    {
        var scratch = new Course();
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
            if (row.Delete) continue;
            if (row.Date is null) ModelState.AddModelError(key + ".Date", L["Validation.Required", L["Course.Session.Date"]]);
            if (row.Start is null) ModelState.AddModelError(key + ".Start", L["Validation.Required", L["Course.Session.Start"]]);
            if (row.End is null) ModelState.AddModelError(key + ".End", L["Validation.Required", L["Course.Session.End"]]);
            if (row.Date is not { } date || row.Start is not { } start || row.End is not { } end) continue;
            var startsAt = ToUtc(date.ToDateTime(start));
            var endsAt = ToUtc(date.ToDateTime(end));
            try
            {
                scratch.AddSession(startsAt, endsAt, "", null, null);
                kept.Add((row, startsAt, endsAt));
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(key, L[ex.MessageKey, ex.Args]);
            }
        }
        if (!ModelState.IsValid) return;

        var keptIds = kept.Where(k => k.Row.Id is not null).Select(k => k.Row.Id!.Value).ToHashSet();
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
        foreach (var (row, startsAt, endsAt) in kept.Where(k => k.Row.Id is null))
            Try(() => course.AddSession(startsAt, endsAt, Clean(row.Topic) ?? "", Clean(row.TrainerName), Clean(row.Place)));
    }

    /// <summary>A Shanghai wall-clock time as an instant.</summary>
    public static DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ShanghaiTime.Zone));

    private void Try(Action action)
    {
        try { action(); }
        catch (DomainException ex) { ModelState.AddDomainError(ex, L); }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
