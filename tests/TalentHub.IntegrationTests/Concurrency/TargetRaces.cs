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
}
