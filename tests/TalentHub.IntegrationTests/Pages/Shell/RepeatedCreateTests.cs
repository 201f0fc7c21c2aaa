using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Reports;
using TalentHub.Web.Data;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// fix18: a create form without a natural unique key (a course, a typical example) posted again (a second tab, a retry)
/// or several times at once makes one record; every post goes to it. The form carries a one-time token
/// (<c>SubmissionToken</c>) that the first post records with its record.
/// </summary>
public sealed partial class RepeatedCreateTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task ACourseForm_PostedAgain_OrFourTimesAtOnce_MakesOneCourse()
    {
        var client = await App.LoginAsync("anji.clerk");
        // Several rounds at once: a post that reads "no token yet" and then finds the course another post of the same form
        // just saved must go to it, not warn of a duplicate course (CI failure on 1afb45f: 2 of 4 posts got the warning).
        foreach (var atOnce in new[] { false, true, true, true, true, true })
        {
            var title = UniqueTitle(atOnce ? "同时提交" : "再次提交");
            var fields = Fields(title, sessions: (Today.AddDays(30), "09:00", "11:30"));
            var form = await client.GetStringAsync("/Courses/Create");
            fields["__RequestVerificationToken"] = FormClient.TokenOf(form);
            fields["SubmissionToken"] = SubmissionTokenOf(form);

            var responses = await PostAsync(atOnce, () => client.PostAsync("/Courses/Create", new FormUrlEncodedContent(fields)));

            var ids = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Title == title).Select(c => c.Id).ToListAsync());
            var id = Assert.Single(ids);
            Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, $"/Courses/{id}"), (r.StatusCode, r.Headers.Location?.OriginalString)));
        }
    }

    [Fact]
    public async Task AnExampleForm_PostedAgain_OrFourTimesAtOnce_MakesOneExample()
    {
        var officer = await App.LoginAsync("anji.officer");
        var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var page = $"/Reports/Examples/Create?Subject=Person&SubjectId={person}";
        var photo = ExampleImages.JpegWithGps();
        foreach (var atOnce in new[] { false, true })
        {
            var title = "重复提交" + Guid.NewGuid().ToString("N")[..8];
            var form = await officer.GetStringAsync(page);
            var (antiforgery, submission) = (FormClient.TokenOf(form), SubmissionTokenOf(form));

            var responses = await PostAsync(atOnce, () =>
            {
                var content = new MultipartFormDataContent
                {
                    { new StringContent(antiforgery), "__RequestVerificationToken" },
                    { new StringContent(submission), "SubmissionToken" },
                    { new StringContent("Person"), "Subject" },
                    { new StringContent(person.ToString()), "SubjectId" },
                    { new StringContent(title), "Input.Title" },
                    { new StringContent("参加培训后创办家庭农场。"), "Input.Story" },
                };
                var file = new ByteArrayContent(photo);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                content.Add(file, "Input.Photo", "photo.jpg");
                return officer.PostAsync(page, content);
            });

            var ids = await App.QueryAsync(db => db.Examples.Where(e => e.Title == title).Select(e => e.Id).ToListAsync());
            var id = Assert.Single(ids);
            Assert.All(responses, r => Assert.Equal((HttpStatusCode.Redirect, $"/Reports/Examples/{id}"), (r.StatusCode, r.Headers.Location?.OriginalString)));
        }
    }

    /// <summary>The same post twice one after the other, or four times at once.</summary>
    private static async Task<HttpResponseMessage[]> PostAsync(bool atOnce, Func<Task<HttpResponseMessage>> post)
    {
        if (atOnce) return await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(post)));
        return [await post(), await post()];
    }

    private static string SubmissionTokenOf(string html) => SubmissionTokenPattern().Match(html) is { Success: true } m
        ? m.Groups[1].Value : throw new InvalidOperationException("No submission token in the form.");

    [GeneratedRegex("name=\"SubmissionToken\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionTokenPattern();
}
