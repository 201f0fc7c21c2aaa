using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Entities;
using TalentHub.IntegrationTests.Pages.Reports;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// fix29c: back to a create form and Save again warns of the course it would repeat; a create post without its one-time
/// token, or with a malformed one, and a tampered hidden version stamp get a localized message, never a silent refusal.
/// </summary>
public sealed partial class CreateFormGuardTests(TalentHubFactory app) : AppTest(app)
{
    private const string ExpiredZh = "此表单已过期或被改动，请核对后重新保存。";
    private const string ExpiredEn = "This form has expired or was changed; check it and save again.";
    private const string StaleZh = "数据已被他人修改，请刷新后重新编辑。";

    private Task<List<int>> CoursesTitledAsync(string title) =>
        App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Title == title).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());

    [Fact]
    public async Task ACourseRepeatingOneOfTheSameCountyTitleAndStartDate_IsShownAgainWithAWarning_AndSavedOnlyWhenCreateAnywayIsTicked()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("Back Save");
        var day = Today.AddDays(31);
        var first = await clerk.CreateAsync(Fields(title, sessions: (day, "09:00", "11:30")));

        // Back, then Save again: a new form (a new token), the title typed in another width and case, another time of day.
        var fullWidthUpper = string.Concat(title.ToUpperInvariant().Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
        var again = await clerk.PostFormAsync("/Courses/Create", Fields(fullWidthUpper, sessions: (day, "14:00", "16:00")));
        var warned = await again.Content.ReadAsStringAsync();
        var english = await (await clerk.PostFormAsync("/Courses/Create?culture=en", Fields(fullWidthUpper, sessions: (day, "14:00", "16:00")))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("id=\"course-duplicate-warning\"", warned);
        Assert.Contains("本县已有同名、同一天开班且未取消的培训班：", warned);
        Assert.Contains($"href=\"/Courses/{first}\"", warned);
        Assert.Contains("仍然创建", warned);
        Assert.Contains("A course in this county with the same title already starts on the same day", english);
        Assert.Contains("Create anyway", english);
        Assert.Equal([first], await CoursesTitledAsync(title));
        Assert.Empty(await CoursesTitledAsync(fullWidthUpper));

        var anyway = Fields(fullWidthUpper, sessions: (day, "14:00", "16:00"));
        anyway["Input.CreateAnyway"] = "true";
        var second = await clerk.CreateAsync(anyway);
        Assert.NotEqual(first, second);
        Assert.Equal([second], await CoursesTitledAsync(fullWidthUpper));
    }

    [Fact]
    public async Task ACourseOfTheSameTitle_OnAnotherDay_OrRepeatingACancelledOne_IsSavedWithoutAWarning()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("不重复");
        var day = Today.AddDays(32);
        var first = await clerk.CreateAsync(Fields(title, sessions: (day, "09:00", "11:30")));

        var otherDay = await clerk.CreateAsync(Fields(title, sessions: (day.AddDays(1), "09:00", "11:30")));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.MoveAsync(first, CourseStatus.Cancelled, confirmed: true)).StatusCode);
        var afterCancel = await clerk.CreateAsync(Fields(title, sessions: (day, "09:00", "11:30")));

        Assert.Equal([first, otherDay, afterCancel], await CoursesTitledAsync(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task ACoursePost_WithoutItsToken_OrWithAMalformedOne_IsShownAgainWithTheExpiredMessage_AndAFreshToken(string? token)
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("无令牌");
        var fields = Fields(title, sessions: (Today.AddDays(33), "09:00", "11:30"));
        var form = await clerk.GetStringAsync("/Courses/Create");
        fields["__RequestVerificationToken"] = FormClient.TokenOf(form);
        if (token is not null) fields["SubmissionToken"] = token;

        var response = await clerk.PostAsync("/Courses/Create", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        var english = await (await clerk.PostAsync("/Courses/Create?culture=en", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ExpiredZh, html);
        Assert.Contains(ExpiredEn, english);
        var fresh = FormClient.SubmissionTokenOf(html);
        Assert.True(Guid.TryParse(fresh, out var parsed) && parsed != Guid.Empty);
        Assert.Contains($"value=\"{title}\"", html); // what was typed is kept
        Assert.Empty(await CoursesTitledAsync(title));

        // Saving the form shown again (its fresh token) creates the course.
        fields["SubmissionToken"] = fresh!;
        fields["__RequestVerificationToken"] = FormClient.TokenOf(html);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync("/Courses/Create", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Single(await CoursesTitledAsync(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12345")]
    public async Task AnExamplePost_WithoutItsToken_OrWithAMalformedOne_IsShownAgainWithTheExpiredMessage(string? token)
    {
        var officer = await App.LoginAsync("anji.officer");
        var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var page = $"/Reports/Examples/Create?Subject=Person&SubjectId={person}";
        var title = "无令牌案例" + Guid.NewGuid().ToString("N")[..8];
        var form = await officer.GetStringAsync(page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(FormClient.TokenOf(form)), "__RequestVerificationToken" },
            { new StringContent("Person"), "Subject" },
            { new StringContent(person.ToString(CultureInfo.InvariantCulture)), "SubjectId" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("参加培训后创办家庭农场。"), "Input.Story" },
        };
        if (token is not null) content.Add(new StringContent(token), "SubmissionToken");
        var file = new ByteArrayContent(ExampleImages.JpegWithGps());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Input.Photo", "photo.jpg");

        var response = await officer.PostAsync(page, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ExpiredZh, await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Examples.AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task AProgramNamed_AsAnotherOfTheYear_InAnotherWidthAndCase_IsRefusedNextToTheName()
    {
        var city = await App.LoginAsync("city.officer");
        var tail = Guid.NewGuid().ToString("N")[..8];
        var name = "Width项目" + tail;
        var fullWidth = string.Concat(("WIDTH项目" + tail.ToUpperInvariant()).Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync("/Programs/Create", ProgramFields(name))).StatusCode);

        var response = await city.PostFormAsync("/Programs/Create", ProgramFields(fullWidth));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("同一年度已有同名项目", await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Programs.AnyAsync(p => p.Name == fullWidth)));
    }

    [Fact]
    public async Task APersonEdit_WithANonNumericVersion_SaysTheRecordChanged_AndSavesNothing()
    {
        var person = await App.AddPersonAsync(NewName("篡改版本"), YuCun);
        var clerk = await App.LoginAsync("anji.clerk");
        var newName = NewName("不该保存");

        var response = await clerk.PostPairsAsync($"/People/{person.Id}/Edit",
            [("Input.Name", newName), ("Input.IdNumber", ""), ("Input.Mobile", ""), ("Input.RegionCode", YuCun),
             ("Input.Version", "abc"), ("Input.Categories", "HighQualityFarmer")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(StaleZh, await response.Content.ReadAsStringAsync());
        Assert.Equal(person.Name, (await App.PersonAsync(person.Id))!.Name);
    }

    [Fact]
    public async Task AnEntityMove_WithANonNumericVersion_SaysTheRecordChanged_AndMovesNothing()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        var before = (await App.LoadAsync(id)).Status;

        var response = await clerk.PostFormAsync($"/Entities/{id}?handler=Move",
            new() { ["to"] = nameof(EntityStatus.Submitted), ["Reason"] = "", ["version"] = "x1" }, formPage: $"/Entities/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(StaleZh, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await App.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task ATargetCell_WithAMalformedShownValue_GetsTheExpiredMessage_AndSavesNothing()
    {
        var city = await App.LoginAsync("city.officer");
        var fields = new Dictionary<string, string>
        {
            ["Year"] = "2087",
            ["Cells[0].County"] = "330523000000", ["Cells[0].Indicator"] = nameof(Indicator.PeopleTrained), ["Cells[0].Value"] = "40",
            ["Cells[0].Shown"] = "zz",
        };

        var response = await city.PostFormAsync("/Reports/Targets?Year=2087", fields, "/Reports/Targets?Year=2087");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ExpiredZh, await response.Content.ReadAsStringAsync());
        Assert.False(await App.QueryAsync(db => db.Targets.AnyAsync(t => t.Year == 2087)));
    }

    private static Dictionary<string, string> ProgramFields(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Year"] = "2027", ["Input.Budget"] = "100", ["Input.Version"] = "0",
        ["Input.Standards[0].Type"] = nameof(TraineeType.BusinessManagement), ["Input.Standards[0].Yuan"] = "5000",
    };
}
