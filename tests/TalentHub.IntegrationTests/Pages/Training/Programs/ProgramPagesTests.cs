using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Programs;

public sealed class ProgramPagesTests(TalentHubFactory app) : AppTest(app)
{
    private static Dictionary<string, string> Fields(string name, int version = 0) => new()
    {
        ["Input.Name"] = name,
        ["Input.Year"] = "2027",
        ["Input.Budget"] = "350.5",
        ["Input.RepeatRuleApplies"] = "true",
        ["Input.Version"] = version.ToString(),
        ["Input.Standards[0].Type"] = nameof(TraineeType.BusinessManagement),
        ["Input.Standards[0].Yuan"] = "5000",
        ["Input.Standards[1].Type"] = nameof(TraineeType.ProfessionalProduction),
        ["Input.Standards[1].Yuan"] = "1000",
        ["Input.Standards[2].Type"] = nameof(TraineeType.SkillService),
        ["Input.Standards[2].Yuan"] = "",
        ["Input.Targets[0].County"] = "330502000000",
        ["Input.Targets[0].Trainees"] = "120",
        ["Input.Targets[1].County"] = "330523000000",
        ["Input.Targets[1].Trainees"] = "150",
    };

    private Task<TrainingProgram?> ProgramAsync(string name) => App.QueryAsync(db => db.Programs.AsNoTracking()
        .Include(p => p.Standards).Include(p => p.Targets).FirstOrDefaultAsync(p => p.Name == name));

    [Fact]
    public async Task CityOfficer_CreatesAProgram_WithStandardsAndCountyTargets()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"2027年高素质农民培育-{Guid.NewGuid():N}"[..30];

        var response = await client.PostFormAsync("/Programs/Create", Fields(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var program = await ProgramAsync(name);
        Assert.NotNull(program);
        Assert.Equal(350.5m, program.Budget);
        Assert.True(program.RepeatRuleApplies);
        Assert.Equal(5000m, program.Standards.Single(s => s.TraineeType == TraineeType.BusinessManagement).YuanPerTrainee);
        Assert.DoesNotContain(program.Standards, s => s.TraineeType == TraineeType.SkillService);
        Assert.Equal(270, program.Targets.Sum(t => t.Value));
        // One model of targets: the program's county targets are AnnualTarget rows for its year (PeopleTrained).
        Assert.All(program.Targets, t => { Assert.Equal(2027, t.Year); Assert.Equal(TalentHub.Web.Domain.Reports.Indicator.PeopleTrained, t.Indicator); });
        var list = await client.GetStringAsync("/Programs");
        Assert.Contains(name, list);
    }

    [Fact]
    public async Task CityOfficer_EditsStandardsAndTargets_AndAStaleEditIsRefused()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"编辑项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;

        var fields = Fields(name, program.Version);
        fields["Input.Standards[0].Yuan"] = "6000";
        fields["Input.Standards[1].Yuan"] = "";
        fields["Input.Targets[1].Trainees"] = "180";
        fields["Input.RepeatRuleApplies"] = "false";
        var response = await client.PostFormAsync($"/Programs/{program.Id}/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = (await ProgramAsync(name))!;
        Assert.Equal(6000m, saved.Standards.Single().YuanPerTrainee);
        Assert.Equal(180, saved.Targets.Single(t => t.CountyCode == "330523000000").Value);
        Assert.False(saved.RepeatRuleApplies);

        var stale = await client.PostFormAsync($"/Programs/{program.Id}/Edit", Fields(name, program.Version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("数据已被他人修改", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CountyOfficer_ReadsPrograms_ButCannotCreateOrEditThem()
    {
        var city = await App.LoginAsync("city.officer");
        var name = $"只读项目-{Guid.NewGuid():N}"[..20];
        await city.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;
        var county = await App.LoginAsync("anji.officer");

        Assert.Contains(name, await county.GetStringAsync("/Programs"));
        var page = await county.GetStringAsync($"/Programs/{program.Id}/Edit");
        Assert.Contains("<fieldset class=\"mb-4\" disabled=\"disabled\">", page);
        Assert.Equal(HttpStatusCode.Redirect, (await county.GetAsync("/Programs/Create")).StatusCode);

        var fields = Fields(name, program.Version);
        fields["Input.Budget"] = "1";
        var edit = await county.PostFormAsync($"/Programs/{program.Id}/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", edit.Headers.Location!.PathAndQuery);
        Assert.Equal(350.5m, (await ProgramAsync(name))!.Budget);
    }

    [Fact]
    public async Task TheSameCreateFormPostedTwice_MakesOneProgram_AndBothPostsGoToTheList()
    {
        // review34c: a double tap (or the back button and "save" again) posted the form twice; the second post was told
        // "a program with this name already exists" about the program its own first post had just created.
        var client = await App.LoginAsync("city.officer");
        var name = $"连点项目-{Guid.NewGuid():N}"[..20];
        var page = await client.GetStringAsync("/Programs/Create");
        var fields = Fields(name);
        fields["__RequestVerificationToken"] = FormClient.TokenOf(page);
        fields["SubmissionToken"] = FormClient.SubmissionTokenOf(page) ?? throw new InvalidOperationException("The form has no submission token.");

        var first = await client.PostAsync("/Programs/Create", new FormUrlEncodedContent(fields));
        var second = await client.PostAsync("/Programs/Create", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await App.QueryAsync(db => db.Programs.CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task DuplicateNameInTheSameYear_IsRefusedNextToTheName()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"重名项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));

        var response = await client.PostFormAsync("/Programs/Create", Fields(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("同一年度已有同名项目", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AMissingBudgetAndADuplicateName_AreShownInOneRound_NextToTheirFields()
    {
        // forms30: the duplicate-name rule ran only once every field passed, so errors came one round at a time.
        var client = await App.LoginAsync("city.officer");
        var name = $"一轮报错-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var fields = Fields(name);
        fields["Input.Budget"] = "";

        var response = await client.PostFormAsync("/Programs/Create", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Budget\"[^>]*>请填写预算", html);
        Assert.Matches("data-valmsg-for=\"Input.Name\"[^>]*>同一年度已有同名项目", html);
        Assert.Equal(1, await App.QueryAsync(db => db.Programs.CountAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task Edit_SavedUnchanged_WritesNothing_AndSaysSo()
    {
        // forms30: an unchanged save wrote an audit entry and moved the version on.
        var client = await App.LoginAsync("city.officer");
        var name = $"未改项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;
        var audits = await App.AuditCountAsync("TrainingProgram", program.Id);

        var response = await client.PostFormAsync($"/Programs/{program.Id}/Edit", Fields(name, program.Version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有修改", await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(program.Version, (await ProgramAsync(name))!.Version);
        Assert.Equal(audits, await App.AuditCountAsync("TrainingProgram", program.Id));
    }
    [Fact]
    public async Task YearOfAProgramWithCourses_IsRefusedNextToTheYear_AndOtherFieldsStillSave()
    {
        // fix37: moving a program with courses to another year silently moved every spend-per-trainee and subsidy figure.
        var client = await App.LoginAsync("city.officer");
        var name = $"有班项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;
        await App.CreateOpenCourseAsync(programId: program.Id);

        var fields = Fields(name, program.Version);
        fields["Input.Year"] = "2028";
        var refused = await client.PostFormAsync($"/Programs/{program.Id}/Edit", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Year\"[^>]*>该项目已有培训班，不能修改年度", await refused.Content.ReadAsStringAsync());
        var stored = (await ProgramAsync(name))!;
        Assert.Equal(2027, stored.Year);
        Assert.All(stored.Targets, t => Assert.Equal(2027, t.Year));

        fields = Fields(name, program.Version);
        fields["Input.Budget"] = "400";
        var saved = await client.PostFormAsync($"/Programs/{program.Id}/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(400m, (await ProgramAsync(name))!.Budget);
    }

    [Fact]
    public async Task YearOfAProgramWithoutCourses_MayChange_AndItsTargetsFollow()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"空项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;

        var fields = Fields(name, program.Version);
        fields["Input.Year"] = "2028";
        var response = await client.PostFormAsync($"/Programs/{program.Id}/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await ProgramAsync(name))!;
        Assert.Equal(2028, stored.Year);
        Assert.All(stored.Targets, t => Assert.Equal(2028, t.Year));
    }

    [Fact]
    public async Task ACourseAddedWhileTheYearChangeIsSaved_RefusesTheChange()
    {
        // fix37: the check runs in the save's write transaction, so a course added just before it (after the form was read) counts.
        var client = await App.LoginAsync("city.officer");
        var name = $"竞态项目-{Guid.NewGuid():N}"[..20];
        await client.PostFormAsync("/Programs/Create", Fields(name));
        var program = (await ProgramAsync(name))!;
        var fields = Fields(name, program.Version);
        fields["Input.Year"] = "2028";

        App.Rival.Arm<TrainingProgram>(() => App.CreateOpenCourseAsync(programId: program.Id));
        HttpResponseMessage response;
        try
        {
            response = await client.PostFormAsync($"/Programs/{program.Id}/Edit", fields);
            Assert.True(App.Rival.Ran, "the rival course was not added before the program's save");
        }
        finally { App.Rival.Disarm(); }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该项目已有培训班，不能修改年度", await response.Content.ReadAsStringAsync());
        Assert.Equal(2027, (await ProgramAsync(name))!.Year);
    }
}
