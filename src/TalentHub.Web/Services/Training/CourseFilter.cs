using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Training;

/// <summary>The filters and sort of the staff course list (bound from the query string without a prefix).</summary>
public sealed class CourseFilter
{
    [Display(Name = "Courses.County")] public string? County { get; set; }
    [Display(Name = "Course.Status")] public CourseStatus? Status { get; set; }
    [Display(Name = "Course.Topic")] public CourseTopic? Topic { get; set; }
    [Display(Name = "Course.Program")] public int? Program { get; set; }
    /// <summary>Shanghai dates: courses with a session on a day from <see cref="From"/> to <see cref="To"/> (<see cref="WithSessionBetween"/>).</summary>
    [Display(Name = "Courses.From")] public DateOnly? From { get; set; }
    [Display(Name = "Courses.ToDate")] public DateOnly? To { get; set; }
    /// <summary>Title, organiser or venue fragment.</summary>
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    /// <summary>Status in lifecycle (declaration) order, not by its stored name.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Course, int>> StatusRank = TalentHub.Web.Data.EnumOrder.Rank((Course c) => c.Status);

    /// <summary>
    /// The list's filters and sort on top of <paramref name="courses"/>; From/To are Asia/Shanghai calendar days. Region
    /// scoping comes from the context's query filter, not from here.
    /// </summary>
    public IQueryable<Course> Apply(IQueryable<Course> courses)
    {
        // Dates picked the wrong way round are read as the range they name (as the audit log does); the form shows them in order.
        if (From > To) (From, To) = (To, From);
        if (!string.IsNullOrEmpty(County)) courses = courses.Where(c => c.CountyCode == County);
        if (Status is { } status) courses = courses.Where(c => c.Status == status);
        if (Topic is { } topic) courses = courses.Where(c => c.Topic == topic);
        if (Program is { } program) courses = courses.Where(c => c.ProgramId == program);
        courses = WithSessionBetween(courses, From, To);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            courses = courses.Where(c => c.Title.Contains(q) || c.Organiser.Contains(q) || (c.Venue != null && c.Venue.Contains(q)));
        }
        return (Sort, Desc) switch
        {
            ("start", false) => courses.OrderBy(c => c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt)).ThenBy(c => c.Id),
            ("start", true) => courses.OrderByDescending(c => c.Sessions.Min(s => (DateTimeOffset?)s.StartsAt)).ThenBy(c => c.Id),
            ("title", false) => courses.OrderBy(c => EF.Functions.Collate(c.Title, Pinyin.Collation)).ThenBy(c => c.Id),
            ("title", true) => courses.OrderByDescending(c => EF.Functions.Collate(c.Title, Pinyin.Collation)).ThenBy(c => c.Id),
            ("status", false) => courses.OrderBy(StatusRank).ThenBy(c => c.Id),
            ("status", true) => courses.OrderByDescending(StatusRank).ThenBy(c => c.Id),
            ("opens", false) => courses.OrderBy(c => c.EnrollmentOpensAt).ThenBy(c => c.Id),
            ("opens", true) => courses.OrderByDescending(c => c.EnrollmentOpensAt).ThenBy(c => c.Id),
            _ => courses.OrderByDescending(c => c.Id),
        };
    }

    /// <summary>
    /// Courses with a session starting on an Asia/Shanghai day from <paramref name="from"/> to <paramref name="to"/> (either
    /// open-ended when null). One session must fall in the range (review32: a course with sessions in January and March
    /// matched February, one session after the start and another before the end). The staff list and the catalog share it.
    /// </summary>
    public static IQueryable<Course> WithSessionBetween(IQueryable<Course> courses, DateOnly? from, DateOnly? to)
    {
        // rev37a: "from 30 Dec to 1 Dec" listed nothing at all, without a word, and the catalog said no course was open.
        if (from > to) (from, to) = (to, from);
        // No sentinel instants for an open end: PostgreSQL reads DateTimeOffset.MinValue/MaxValue as ±infinity.
        switch (from, to)
        {
            case ({ } f, { } t):
                var (start, end) = (StartOf(f), StartOf(t.AddDays(1)));
                return courses.Where(c => c.Sessions.Any(s => s.StartsAt >= start && s.StartsAt < end));
            case ({ } f, null):
                var after = StartOf(f);
                return courses.Where(c => c.Sessions.Any(s => s.StartsAt >= after));
            case (null, { } t):
                var before = StartOf(t.AddDays(1));
                return courses.Where(c => c.Sessions.Any(s => s.StartsAt < before));
            default:
                return courses;
        }
    }

    /// <summary>Midnight of a Shanghai date as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), ShanghaiTime.Zone));

    /// <summary>Adds the set filter values to an export's audit note (a searched ID number or mobile masked), sort left out.</summary>
    public Audit.AuditNote AuditNote(Audit.AuditNote note) => note.With(Audit.AuditNoteKeys.County, County)
        .With(Audit.AuditNoteKeys.CourseStatus, Status).With(Audit.AuditNoteKeys.Topic, Topic)
        .With(Audit.AuditNoteKeys.Program, Program).With(Audit.AuditNoteKeys.From, From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .With(Audit.AuditNoteKeys.To, To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        .With(Audit.AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Q) ? null : Spreadsheets.ExportLinks.MaskSearch(Q));

    /// <summary>The filter as query-string values (dates yyyy-MM-dd; nulls dropped by <see cref="Spreadsheets.ExportLinks.Url"/>), so an export applies the same filters.</summary>
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["County"] = County, ["Status"] = Status?.ToString(), ["Topic"] = Topic?.ToString(), ["Program"] = Program?.ToString(),
        ["From"] = From?.ToString("yyyy-MM-dd"), ["To"] = To?.ToString("yyyy-MM-dd"), ["Q"] = Q,
        ["Sort"] = Sort, ["Desc"] = Desc ? "true" : null,
    };
}
