using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// review16: a post that named none of a page's handlers (a post to a page that only shows, or <c>?handler=Bogus</c>)
/// rendered the page over a model nothing had loaded: 500 on 17 pages. It is now a 404; the page's own handlers still run.
/// </summary>
public sealed class UnmatchedHandlerTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task APostNamingNoHandler_IsA404_NotA500()
    {
        var personId = await App.QueryAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var courseId = await App.QueryAsync(db => db.Courses.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var officer = await App.LoginAsync("city.officer");
        var farmer = await App.LoginAsync("13800000001");

        var answers = new List<(string Url, HttpStatusCode Status)>();
        foreach (var url in new[] { $"/People/{personId}", $"/People/{personId}?handler=Bogus", $"/Courses/{courseId}/Outcomes", "/Reports" })
            answers.Add((url, (await officer.PostFormAsync(url, [])).StatusCode));
        answers.Add(($"/Catalog/{courseId}", (await farmer.PostFormAsync($"/Catalog/{courseId}", [])).StatusCode));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.NotFound, $"{a.Url} answered {(int)a.Status}"));
    }
}
