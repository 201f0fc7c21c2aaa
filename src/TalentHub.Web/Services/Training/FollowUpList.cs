using TalentHub.Web.Services.Audit;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Training;

/// <summary>Which follow-up tasks a list shows: open (due or overdue, the default), only overdue, done, or all.</summary>
public enum FollowUpState
{
    Open,
    Overdue,
    Done,
    All,
}

/// <summary>The /FollowUps filters (also the export's), bound from the query string.</summary>
public sealed class FollowUpFilter
{
    [Display(Name = "FollowUp.State")] public FollowUpState State { get; set; }
    /// <summary>3, 6 or 12; null for every milestone.</summary>
    [Display(Name = "FollowUp.Milestone")] public int? Months { get; set; }
    /// <summary>A fragment of the person's name or the course title.</summary>
    public string? Q { get; set; }

    /// <summary>
    /// The matching tasks, scoped by the task's own county filter. Names and titles are read in separate
    /// queries: IgnoreQueryFilters would lift the task's filter too, since it applies to a whole query.
    /// </summary>
    public async Task<(int Total, List<FollowUpRow> Rows)> ListAsync(TalentHubDbContext db, DateTimeOffset now, int skip = 0, int? take = null,
        CancellationToken ct = default)
    {
        var tasks = await QueryAsync(db, now, ct);
        var total = await tasks.CountAsync(ct);
        var page = tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip(skip);
        var found = await (take is { } n ? page.Take(n) : page).ToListAsync(ct);
        var personIds = found.Select(t => t.PersonId).Distinct().ToList();
        var courseIds = found.Select(t => t.CourseId).Distinct().ToList();
        var names = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Mobile }).ToDictionaryAsync(p => p.Id, ct);
        var titles = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => courseIds.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        return (total, found.Select(t => new FollowUpRow(t.Id, t.PersonId, names[t.PersonId].Name, names[t.PersonId].Mobile, t.CourseId, titles[t.CourseId],
            t.Months, t.DueAt, t.RecordedAt, t.Unreachable, t.StartedBusiness, t.JoinedEntity, t.AdoptedTechnique, t.IncomeChangePercent, t.Employed)).ToList());
    }

    /// <summary>
    /// The matching tasks as a query (due at <paramref name="now"/>, the state, milestone and name or title filters), scoped by
    /// the task's own county filter; the list above and <c>/api/v1/followups</c> both read through it.
    /// </summary>
    public async Task<IQueryable<FollowUpTask>> QueryAsync(TalentHubDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var overdueBefore = now - FollowUpTask.OverdueAfter;
        var tasks = db.FollowUpTasks.AsNoTracking().Where(t => t.DueAt <= now);
        tasks = State switch
        {
            FollowUpState.Open => tasks.Where(t => t.RecordedAt == null),
            FollowUpState.Overdue => tasks.Where(t => t.RecordedAt == null && t.DueAt < overdueBefore),
            FollowUpState.Done => tasks.Where(t => t.RecordedAt != null),
            _ => tasks,
        };
        if (Months is { } months) tasks = tasks.Where(t => t.Months == months);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            // Every match, not the first 1000 of the city (review18: a cap on the city-wide matches, the first 1000 "王",
            // silently dropped a county's own tasks from the list and the export). People only when they have a task
            // (indexed on PersonId), which keeps the id list to trainees; courses are few.
            var withTasks = db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]);
            // Names are stored normalised (NFKC), course titles as typed: each is matched in its own form (rev35b).
            var name = Domain.Common.TextNormalizer.Normalize(q);
            var people = await db.People.IgnoreQueryFilters([RegionFilter.Name])
                .Where(p => p.Name.Contains(name) && withTasks.Any(t => t.PersonId == p.Id)).Select(p => p.Id).ToListAsync(ct);
            var courses = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Title.Contains(q)).Select(c => c.Id).ToListAsync(ct);
            tasks = tasks.Where(t => people.Contains(t.PersonId) || courses.Contains(t.CourseId));
        }
        return tasks;
    }

    /// <summary>Adds the set filter values to an export's audit note (a searched ID number or mobile masked).</summary>
    public AuditNote AuditNote(AuditNote note) => note.With(AuditNoteKeys.State, State == FollowUpState.Open ? null : (FollowUpState?)State)
        .With(AuditNoteKeys.Months, Months).With(AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Q) ? null : Spreadsheets.ExportLinks.MaskSearch(Q));

    /// <summary>The filter as query-string values (the default Open state left out), so an export applies the same filters.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["State"] = State == FollowUpState.Open ? null : State.ToString(),
        ["Months"] = Months?.ToString(CultureInfo.InvariantCulture),
        ["Q"] = Q,
    };
}

/// <summary>One follow-up task as listed and exported (the mobile is shown masked).</summary>
public sealed record FollowUpRow(int Id, int PersonId, string Name, string? Mobile, int CourseId, string CourseTitle, int Months,
    DateTimeOffset DueAt, DateTimeOffset? RecordedAt, bool Unreachable, bool StartedBusiness, bool JoinedEntity, bool AdoptedTechnique,
    decimal? IncomeChangePercent, bool Employed)
{
    /// <summary>Not recorded and more than <see cref="FollowUpTask.OverdueAfter"/> (30 days) past its due instant; the same rule as <see cref="FollowUpTask.IsOverdue"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => RecordedAt is null && now > DueAt + FollowUpTask.OverdueAfter;

    /// <summary>The recorded outcome in words, e.g. "创业；采用新技术；收入 +20%".</summary>
    public string Outcome(IStringLocalizer l) => RecordedAt is null ? ""
        : OutcomeOf(Unreachable, StartedBusiness, JoinedEntity, AdoptedTechnique, Employed, IncomeChangePercent, l);

    /// <summary>A recorded outcome in words, as the list shows it (also how the record form names another clerk's record).</summary>
    public static string OutcomeOf(bool unreachable, bool startedBusiness, bool joinedEntity, bool adoptedTechnique, bool employed,
        decimal? incomeChangePercent, IStringLocalizer l)
    {
        if (unreachable) return l["FollowUp.Unreachable"];
        var parts = new List<string>();
        if (startedBusiness) parts.Add(l["FollowUp.StartedBusiness"]);
        if (joinedEntity) parts.Add(l["FollowUp.JoinedEntity"]);
        if (adoptedTechnique) parts.Add(l["FollowUp.AdoptedTechnique"]);
        if (employed) parts.Add(l["FollowUp.Employed"]);
        if (incomeChangePercent is { } p) parts.Add(l["FollowUp.IncomeChangeShort", p.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)]);
        return parts.Count == 0 ? l["FollowUp.NoChange"] : string.Join(l["FollowUp.Separator"], parts);
    }

    /// <summary>The rows as one sheet, each cell in the words the list page shows (milestone, state, outcome) in the viewer's language.</summary>
    public static SheetData Sheet(IEnumerable<FollowUpRow> rows, IStringLocalizer l, DateTimeOffset now) => new(l["FollowUps.Title"],
        [l["Person.Name"], l["Person.Mobile"], l["Certificate.Course"], l["FollowUp.Milestone"], l["FollowUp.DueAt"], l["FollowUp.State"], l["FollowUp.Outcome"]],
        rows.Select(r => (IReadOnlyList<object?>)[r.Name, Domain.Common.Masking.Mobile(r.Mobile), r.CourseTitle, l["FollowUp.MonthsAfter", r.Months].Value,
            Infrastructure.ShanghaiTime.ToShanghai(r.DueAt),
            l[r.RecordedAt is not null ? "FollowUp.Done" : r.IsOverdue(now) ? "FollowUp.Overdue" : "FollowUp.Due"].Value, r.Outcome(l)]));
}
