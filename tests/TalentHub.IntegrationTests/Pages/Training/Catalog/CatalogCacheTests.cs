using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Pages.Training.Catalog;

/// <summary>The anonymous catalog is reused between requests (issue 12) but never shows a course as it was before a change.</summary>
public sealed partial class CatalogCacheTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task AnonymousCatalog_ShowsACourseChangeAndANewEnrollment_OnTheNextRequest()
    {
        var courseId = await App.OpenCourseAsync(10, "缓存验证");
        var anonymous = App.NewClient();
        var (url, card) = await FindAsync(anonymous, courseId);
        Assert.Contains("剩余名额 10", card);
        Assert.Equal(card, Card(await anonymous.GetStringAsync(url), courseId));

        // A staff-side change saved through EF (the title) shows on the very next anonymous request.
        var title = await App.QueryAsync(async db =>
        {
            var course = await db.Courses.FirstAsync(c => c.Id == courseId);
            course.Title = "改名后的培训班-" + courseId;
            await db.SaveChangesAsync();
            return course.Title;
        });
        Assert.Contains(title, Card(await anonymous.GetStringAsync(url), courseId));

        // An enrollment through the real form (the seat counter moves by a bulk UPDATE) shows too.
        var farmer = await App.LoginAsync((await App.FarmersAsync(1))[0], "bamboo hills and white tea");
        var enrolled = await farmer.PostFormAsync($"/Catalog/{courseId}?handler=Enroll", new(), formPage: $"/Catalog/{courseId}");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var after = Card(await anonymous.GetStringAsync(url), courseId);
        Assert.Contains("剩余名额 9", after);
        Assert.DoesNotContain("剩余名额 10", after);
    }

    private static async Task<(string Url, string Card)> FindAsync(HttpClient client, int courseId)
    {
        for (var page = 1; page <= 200; page++)
        {
            var url = $"/Catalog?page={page}";
            var html = await client.GetStringAsync(url);
            if (html.Contains($"data-course=\"{courseId}\"")) return (url, Card(html, courseId));
        }
        throw new InvalidOperationException($"Course {courseId} is on no catalog page.");
    }

    private static string Card(string html, int courseId)
    {
        var match = CardPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == courseId.ToString());
        Assert.NotNull(match);
        return match.Value;
    }

    [GeneratedRegex("data-course=\"(?<id>\\d+)\".*?</a>", RegexOptions.Singleline)]
    private static partial Regex CardPattern();
}
