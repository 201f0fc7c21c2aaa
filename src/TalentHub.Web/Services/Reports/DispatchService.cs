using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Reports;

/// <summary>One county's frozen line of a dispatch report.</summary>
public sealed record DispatchCounty(string County, string NameZh, string NameEn, int Rank, int? Movement, decimal? Score,
    Dictionary<Indicator, ProgressCell> Cells);

/// <summary>A typical example approved in the reported month, frozen as issued (the person's name already masked).</summary>
public sealed record DispatchExample(int Id, string County, string CountyZh, string CountyEn, string MaskedName, string Title, string Story);

/// <summary>
/// What a dispatch report froze when issued: the month's end-of-month board and the typical examples approved in the
/// month (null in reports issued before examples existed).
/// </summary>
public sealed record DispatchFigures(string Month, DateOnly Day, List<DispatchCounty> Counties, List<DispatchExample>? Examples = null);

/// <summary>
/// Generates and reads dispatch reports (调度通报, PRODUCT.md §7): figures from the nightly snapshot of the month's last day
/// (year to date, Asia/Shanghai; computed as of that day's end where no snapshot was written) with rank and month-on-month
/// movement against the previous month's last day, stored as issued; paragraphs per county in either language.
/// </summary>
public sealed class DispatchService(TalentHubDbContext db, IndicatorCalculator calculator, ReportsService reports, ExamplesService examples,
    AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        // Region names as themselves, not \uXXXX (review14: the audit row showed escapes); HTML-sensitive characters stay escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>
    /// "yyyy-MM" → (year, month); false for anything else, a year before 2000 (the years targets may be set for; 0001-01
    /// and 9999-12 overflowed the period arithmetic into a 500, review12) or a month not yet ended. Read in its NFKC form like
    /// every number and date field (<see cref="Infrastructure.NarrowFormBinder"/>): a browser without a month picker leaves
    /// a text box, where a Chinese input method types ２０２６－１１ (rev36: refused as "choose a month that has ended").
    /// </summary>
    public bool TryParseMonth(string? text, out int year, out int month)
    {
        year = month = 0;
        text = Domain.Common.TextNormalizer.Normalize(text);
        if (text.Length == 0 || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        if (!Domain.Common.PlanningYears.Contains(first.Year)) return false;
        if (ReportPeriod.Month(first.Year, first.Month).End > clock.GetUtcNow()) return false;
        (year, month) = (first.Year, first.Month);
        return true;
    }

    /// <summary>
    /// Issues the report of a past month; an existing report is left as issued unless <paramref name="regenerate"/>
    /// (then its figures are replaced and the regeneration audited). Returns the report; when another caller issued the
    /// same month between this call's read and its insert, returns that stored report instead of failing.
    /// </summary>
    public async Task<DispatchReport> IssueAsync(int year, int month, string? by, bool regenerate, CancellationToken ct = default)
    {
        var key = $"{year:0000}-{month:00}";
        var report = await db.DispatchReports.FirstOrDefaultAsync(r => r.Month == key, ct);
        if (report is not null && !regenerate) return report;
        var figures = await ComputeAsync(year, month, ct);
        if (report is null) db.DispatchReports.Add(report = new DispatchReport { Month = key });
        else audit.Record(AuditAction.Update, nameof(DispatchReport), report.Id.ToString(CultureInfo.InvariantCulture), new AuditNote().With(AuditNoteKeys.Regenerated, key));
        report.Issue(JsonSerializer.Serialize(figures, Json), by, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && db.Entry(report).State == EntityState.Added)
        {
            // Another officer (or the monthly job) issued this month since our read: the unique index on Month refused
            // our row. Theirs is the report; drop ours with its audit row and answer with the stored one (review12: 500).
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                added.State = EntityState.Detached;
            var stored = await db.DispatchReports.AsNoTracking().FirstOrDefaultAsync(r => r.Month == key, ct);
            if (stored is null) throw; // another unique index
            return stored;
        }
        return report;
    }

    /// <summary>Year-to-date values at the end of <paramref name="day"/>: its snapshot, or computed as of then when none was written.</summary>
    private async Task<IndicatorValues> MonthEndAsync(int year, DateOnly day, CancellationToken ct)
    {
        if (await reports.SnapshotAsync(day, ct) is { } snapshot) return snapshot;
        var end = ReportPeriod.Midnight(day.AddDays(1));
        var now = clock.GetUtcNow();
        return await calculator.ComputeAsync(ReportPeriod.YearToDate(year, end), end < now ? end : now, ct);
    }

    /// <summary>The frozen figures of a stored report.</summary>
    public static DispatchFigures Read(DispatchReport report) => JsonSerializer.Deserialize<DispatchFigures>(report.Figures, Json)!;

    private async Task<DispatchFigures> ComputeAsync(int year, int month, CancellationToken ct)
    {
        var period = ReportPeriod.Month(year, month);
        var day = DateOnly.FromDateTime(new DateTime(year, month, 1)).AddMonths(1).AddDays(-1);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year && t.ProgramId == null).ToListAsync(ct);
        Dictionary<string, int>? previous = null;
        if (month > 1)
        {
            var prevDay = day.AddDays(-day.Day);
            var prev = ProgressBoard.Build(year, prevDay, await MonthEndAsync(year, prevDay, ct), targets);
            previous = prev.Counties.ToDictionary(c => c.County, c => c.Rank);
        }
        var board = ProgressBoard.Build(year, day, await MonthEndAsync(year, day, ct), targets, previous);
        var names = await db.Regions.AsNoTracking().Where(r => board.Counties.Select(c => c.County).Contains(r.Code)).ToDictionaryAsync(r => r.Code, ct);
        var cards = await examples.ApprovedAsync(from: period.Start, to: period.End, ct: ct);
        return new DispatchFigures($"{year:0000}-{month:00}", day, board.Counties.Select(c => new DispatchCounty(c.County,
            names[c.County].Name, names[c.County].NameEn, c.Rank, c.Movement, c.Score, c.Cells.ToDictionary(x => x.Key, x => x.Value))).ToList(),
            cards.OrderBy(e => e.Id).Select(e => new DispatchExample(e.Id, e.CountyCode, names.GetValueOrDefault(e.CountyCode)?.Name ?? e.CountyCode,
                names.GetValueOrDefault(e.CountyCode)?.NameEn ?? e.CountyCode, e.MaskedName, e.Title, e.Story)).ToList());
    }

    /// <summary>
    /// The generated paragraph for one county in the current UI language: its rank and movement, then its lagging
    /// indicators with how many percentage points each is behind schedule, or that it is on schedule; when some indicators
    /// are not judged (no target above zero, or no figure yet), those on schedule and those not judged are named; a county with no
    /// indicator judged (no target above zero, so no <see cref="DispatchCounty.Score"/>) is said to have none to judge
    /// (review34a: it was "every indicator is on schedule" beside its last rank).
    /// </summary>
    public static string Paragraph(DispatchCounty c, IStringLocalizer l, bool english)
    {
        var name = english ? c.NameEn : c.NameZh;
        var rank = c.Movement switch
        {
            null => l["Dispatch.RankNew", name, c.Rank].Value,
            > 0 => l["Dispatch.RankUp", name, c.Rank, c.Movement].Value,
            < 0 => l["Dispatch.RankDown", name, c.Rank, -c.Movement].Value,
            _ => l["Dispatch.RankSame", name, c.Rank].Value,
        };
        var lagging = c.Cells.Where(x => x.Value.Lagging).OrderByDescending(x => x.Value.PointsBehind).ToList();
        var space = english ? " " : ""; // English sentences are separated by a space, Chinese ones are not
        if (c.Score is null) return rank + space + l["Dispatch.NotJudged"].Value;
        // fix35c: a county with targets for only some indicators was told "every indicator is on schedule"; the sentence
        // now names the judged ones on schedule and the ones not judged (no target above zero, or no figure yet).
        var order = Indicators.All.ToList();
        string Names(IEnumerable<Indicator> indicators) =>
            string.Join(english ? ", " : "、", indicators.OrderBy(order.IndexOf).Select(i => l["Indicator." + i].Value));
        var noTarget = c.Cells.Where(x => x.Value.Target is not > 0).Select(x => x.Key).ToList();
        var noFigure = c.Cells.Where(x => x.Value.Target is > 0 && x.Value.PointsBehind is null).Select(x => x.Key).ToList();
        var onSchedule = c.Cells.Where(x => x.Value.PointsBehind is not null && !x.Value.Lagging).Select(x => x.Key).ToList();
        var sentences = new List<string> { rank };
        if (lagging.Count > 0)
        {
            var items = lagging.Select(x => l.Plural("Dispatch.LaggingItem", Math.Round((decimal)x.Value.PointsBehind!.Value, 1), l["Indicator." + x.Key].Value,
                x.Value.PointsBehind!.Value.ToString("0.#", CultureInfo.InvariantCulture)).Value);
            sentences.Add(l["Dispatch.Lagging", string.Join(english ? "; " : "；", items)].Value);
        }
        else if (noTarget.Count == 0 && noFigure.Count == 0) sentences.Add(l["Dispatch.OnSchedule"].Value);
        if (onSchedule.Count > 0 && (noTarget.Count > 0 || noFigure.Count > 0)) sentences.Add(l["Dispatch.OnScheduleSome", Names(onSchedule)].Value);
        if (noTarget.Count > 0) sentences.Add(l["Dispatch.NoTarget", Names(noTarget)].Value);
        if (noFigure.Count > 0) sentences.Add(l["Dispatch.NoFigure", Names(noFigure)].Value);
        return string.Join(space, sentences);
    }
}
