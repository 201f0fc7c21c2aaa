using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// The tables beneath the five outcome charts, one <see cref="SheetData"/> each, shared by the page (rendered as HTML
/// tables) and the .xlsx/.csv export, so the numbers are the same everywhere. A sheet is named by its short
/// <c>Sheet.*</c> name (at most 31 characters, Excel's limit, in both languages: fix29b); the page heads each table with
/// its longer title, <see cref="TitleKeys"/>.
/// </summary>
public static class OutcomeSheets
{
    /// <summary>The resource keys of the tables' titles on the page, in the order of <see cref="For"/>.</summary>
    public static readonly IReadOnlyList<string> TitleKeys = ["Reports.Talents", "Reports.Rates", "Reports.Satisfaction", "Reports.FollowUps", "Reports.Spend"];

    /// <summary>
    /// Talents, rates, satisfaction, follow-ups, spend — in that order; the city row last in the county tables; the numbers
    /// as the page shows them (<see cref="ReportNumbers"/>).
    /// </summary>
    public static IReadOnlyList<SheetData> For(OutcomeFigures f, IReadOnlyDictionary<string, string> names, IStringLocalizer l)
    {
        var rows = f.Shown.Append(f.City).ToList();
        string Name(OutcomeRow r) => r.County is null ? l["Reports.CityTotal"].Value : names.GetValueOrDefault(r.County, r.County);
        var county = l["Targets.County"].Value;

        var talentHeaders = new List<string> { l["Reports.TalentCategory"] };
        talentHeaders.AddRange(rows.Select(Name));
        var talents = new SheetData(l["Sheet.Talents"], talentHeaders, Enum.GetValues<TalentCategory>()
            .Select(t => (IReadOnlyList<object?>)new List<object?> { l["TalentCategory." + t].Value }.Concat(rows.Select(r => (object?)r.Talents[t])).ToList()).ToList());

        var rates = new SheetData(l["Sheet.Rates"],
            [county, l["Reports.Decided"], l["Reports.Completed"], l["Reports.CompletionRate"], l["Reports.Certificates"], l["Reports.CertificationRate"]],
            rows.Select(r => (IReadOnlyList<object?>)[Name(r), r.Decided, r.Completed, r.CompletionRate, r.Certificates, r.CertificationRate]).ToList());

        var satisfaction = new SheetData(l["Sheet.Satisfaction"],
            [county, l["Reports.Answers"], l["Reports.Satisfied"], l["Reports.SatisfactionRate"], l["Reports.SatisfactionLine"]],
            rows.Select(r => (IReadOnlyList<object?>)[Name(r), r.Answers, r.Satisfied, r.SatisfactionRate, OutcomeFigures.SatisfactionLine]).ToList());

        var followUps = new SheetData(l["Sheet.FollowUps"],
            [county, l["Reports.Recorded"], l["Reports.StartedRate"], l["Reports.JoinedRate"], l["Reports.AdoptedRate"], l["Reports.EmployedRate"], l["Reports.UnreachableRate"]],
            rows.Select(r => (IReadOnlyList<object?>)[Name(r), r.Recorded, r.StartedRate, r.JoinedRate, r.AdoptedRate, r.EmployedRate, r.UnreachableRate]).ToList());

        var spend = new SheetData(l["Sheet.Spend"],
            [l["Reports.Program"], l["Reports.BudgetYuan"], l["Reports.Completed"], l["Reports.SpendPerTrainee"], l["Reports.Standard"]],
            f.Spend.Select(s => (IReadOnlyList<object?>)[s.Name, s.BudgetYuan, s.Completed, s.SpendPerTrainee, s.Standard]).ToList());

        return [.. new[] { talents, rates, satisfaction, followUps, spend }.Select(ReportNumbers.AsShown)];
    }
}
