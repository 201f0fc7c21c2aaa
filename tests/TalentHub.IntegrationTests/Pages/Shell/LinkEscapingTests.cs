using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// fix23: /Reports wrote its export links with a raw <c>&amp;</c> in the markup beside others built by hand; links with
/// query values now go through one helper (PageLinks) and are encoded once: in the HTML every <c>&amp;</c> of a link is
/// <c>&amp;amp;</c>, never raw nor <c>&amp;amp;amp;</c>, and the decoded link carries the page's filters.
/// </summary>
public sealed partial class LinkEscapingTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task LinksWithQueryValues_AreEncodedOnce_OnTheReportsPagesAndTheirSiblings()
    {
        var client = await App.LoginAsync("city.officer");
        var course = await App.CreateOpenCourseAsync();
        var person = FirstLink("/People/").Match(await client.GetStringAsync("/People")).Groups[1].Value;
        var entity = FirstLink("/Entities/").Match(await client.GetStringAsync("/Entities")).Groups[1].Value;
        Assert.NotEmpty(person);
        Assert.NotEmpty(entity);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var pages = new[]
        {
            $"/Reports?Year={year}&County={Anji}&Category=SocialService", $"/Reports?Year={year - 1}", "/Reports/Targets", "/Reports/Examples",
            "/Reports/Dispatch/" + App.SeedDay.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            "/Examples", person, entity, $"/Courses/{course}/Roster", $"/Courses/{course}/Roster/Import",
        };
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, page);
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match link in Links().Matches(html))
            {
                var value = link.Groups[1].Value;
                Assert.False(value.Contains("&amp;amp;", StringComparison.Ordinal), $"{page}: {value} is encoded twice");
                Assert.False(RawAmpersand().IsMatch(value), $"{page}: {value} has a raw &");
            }
        }

        var reports = await client.GetStringAsync($"/Reports?Year={year}&County={Anji}&Category=SocialService");
        var xlsx = WebUtility.HtmlDecode(Regex.Match(reports, "href=\"([^\"]*)\" id=\"export-xlsx\"").Groups[1].Value);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + xlsx).Query);
        Assert.Equal(("Export", "xlsx", year.ToString(System.Globalization.CultureInfo.InvariantCulture), Anji, "SocialService"),
            (query["handler"].ToString(), query["format"].ToString(), query["Year"].ToString(), query["County"].ToString(), query["Category"].ToString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(xlsx)).StatusCode);
    }

    private static Regex FirstLink(string prefix) => new($"href=\"({Regex.Escape(prefix)}\\d+)\"");

    [GeneratedRegex(@"\s(?:href|src|action)=""([^""]*\?[^""]*)""")]
    private static partial Regex Links();

    /// <summary>An ampersand that does not start a character reference (<c>&amp;amp;</c>, <c>&amp;#38;</c>).</summary>
    [GeneratedRegex("&(?!amp;|#\\d+;|#x[0-9a-fA-F]+;)")]
    private static partial Regex RawAmpersand();
}
