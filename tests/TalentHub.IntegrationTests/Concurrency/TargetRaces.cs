using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// Two city officers saving the same county target at once (run on SQLite and PostgreSQL). Both pages showed the same value,
/// so both posts pass the page's changed-meanwhile check; <see cref="RivalSave"/> runs the winner's whole post between the
/// loser's read and its write. The database refuses the loser's UPDATE or DELETE (Value is the target's concurrency token):
/// the loser is told the winner's value next to the cell and nothing of the loser's post is written (fix22: it silently
/// overwrote or deleted the winner's target).
/// </summary>
public static class TargetRaces
{
    private const string Anji = "330523000000";

    public static Task OverwriteAsync(TalentHubFactory app, int year) => LoseAsync(app, year, "50");

    public static Task DeleteAsync(TalentHubFactory app, int year) => LoseAsync(app, year, "");

    private static async Task LoseAsync(TalentHubFactory app, int year, string losersValue)
    {
        var url = $"/Reports/Targets?Year={year}";
        Dictionary<string, string> Cell(string value, string shown, string second = "") => new()
        {
            ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cells[0].County"] = Anji, ["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[0].Value"] = value, ["Cells[0].Shown"] = shown,
            ["Cells[1].County"] = Anji, ["Cells[1].Indicator"] = nameof(Indicator.NewFamilyFarms), ["Cells[1].Value"] = second, ["Cells[1].Shown"] = "",
        };
        Task<List<(Indicator, decimal)>> StoredAsync() => app.QueryAsync(async db => (await db.Targets.Where(t => t.Year == year && t.ProgramId == null)
            .OrderBy(t => t.Indicator).Select(t => new { t.Indicator, t.Value }).ToListAsync()).Select(t => (t.Indicator, t.Value)).ToList());
        var winner = await app.LoginAsync("city.officer");
        var loser = await app.LoginAsync("city.officer");
        Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync(url, Cell("100", ""), url)).StatusCode);

        app.Rival.Arm<AnnualTarget>(async () => Assert.Equal(HttpStatusCode.Redirect, (await winner.PostFormAsync(url, Cell("70", "100"), url)).StatusCode));
        HttpResponseMessage lost;
        try
        {
            // The loser also adds a second target: it is not written either.
            lost = await loser.PostFormAsync(url, Cell(losersValue, "100", "6"), url);
            Assert.True(app.Rival.Ran, "the winner's post did not run before the loser's save");
        }
        finally { app.Rival.Disarm(); }

        var html = await lost.Content.ReadAsStringAsync();
        Assert.True(lost.StatusCode == HttpStatusCode.OK, $"{(int)lost.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Contains("另一位管理员刚把此目标改为 70", html);
        Assert.Contains("name=\"Cells[0].Shown\" value=\"70\"", html);
        Assert.Equal([(Indicator.PeopleTrained, 70m)], await StoredAsync());
    }

    /// <summary>
    /// The same form sent twice at once (a double click on 保存, both posts read before either wrote): the second post's write
    /// is refused by the database (the unique index when it adds targets, the concurrency token when it changes one), but what
    /// it asked for is stored, so it is answered as saved, not with "someone else changed the data" (rev36).
    /// </summary>
    public static async Task SameFormTwiceAsync(TalentHubFactory app, int year, bool existing)
    {
        var url = $"/Reports/Targets?Year={year}";
        Dictionary<string, string> Cell(string value, string shown, string second = "") => new()
        {
            ["Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cells[0].County"] = Anji, ["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[0].Value"] = value, ["Cells[0].Shown"] = shown,
            ["Cells[1].County"] = Anji, ["Cells[1].Indicator"] = nameof(Indicator.NewFamilyFarms), ["Cells[1].Value"] = second, ["Cells[1].Shown"] = "",
        };
        var officer = await app.LoginAsync("city.officer");
        if (existing) Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, Cell("100", ""), url)).StatusCode);
        var form = existing ? Cell("70", "100") : Cell("100", "", "6");

        app.Rival.Arm<AnnualTarget>(async () => Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, form, url)).StatusCode));
        HttpResponseMessage second;
        try
        {
            second = await officer.PostFormAsync(url, form, url);
            Assert.True(app.Rival.Ran, "the first post did not save before the second one's save");
        }
        finally { app.Rival.Disarm(); }

        var html = await second.Content.ReadAsStringAsync();
        var said = string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(html, "(?:field-validation-error|validation-summary-errors)[^>]*>(.*?)</(?:span|div)>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()));
        Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"{(int)second.StatusCode}: {said}");
        var stored = await app.QueryAsync(async db => (await db.Targets.Where(t => t.Year == year && t.ProgramId == null)
            .OrderBy(t => t.Indicator).Select(t => new { t.Indicator, t.Value }).ToListAsync()).Select(t => (t.Indicator, t.Value)).ToList());
        Assert.Equal(existing ? [(Indicator.PeopleTrained, 70m)] : [(Indicator.NewFamilyFarms, 6m), (Indicator.PeopleTrained, 100m)], stored);
    }
}
