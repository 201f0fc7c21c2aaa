using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses.Outcomes;

public sealed class AssessmentTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Trainer_EntersAllScoresInOneForm_AndABadValueIsShownNextToItsFieldWithNothingWritten()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        var trainees = await App.TraineesAsync(course.Id, 2);
        var a = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var b = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        var trainer = await App.LoginAsync("trainer.wang");
        var url = $"/Courses/{course.Id}/Assessment";

        var bad = await trainer.PostFormAsync(url + "?handler=Save", new() { [$"Scores[{a}]"] = "88", [$"Scores[{b}]"] = "101" }, url);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("成绩须为 0 到 100 之间的数字", badHtml);
        Assert.Null(await ScoreAsync(a));

        var good = await trainer.PostFormAsync(url + "?handler=Save", new() { [$"Scores[{a}]"] = "88", [$"Scores[{b}]"] = "59.5" }, url);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(88m, await ScoreAsync(a));
        Assert.Equal(59.5m, await ScoreAsync(b));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(x => x.EntityType == nameof(Enrollment) && x.EntityId == a.ToString() && x.Changes!.Contains("Score"))));
    }

    [Fact]
    public async Task ScoresImport_ChecksTheFileFirst_ThenTheConfirmWritesTheValidRows()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        var idNumber = await App.QueryAsync(db => db.People.Where(p => p.Id == trainee.PersonId).Select(p => p.IdNumber).FirstAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Assessment";
        var token = FormClient.TokenOf(await clerk.GetStringAsync(url));
        var csv = $"身份证号,成绩\r\n{idNumber},92\r\n{IdNumber.Create("330523", new DateOnly(1960, 2, 2), 7, Sex.Male).Value},70\r\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "scores.csv");

        var check = await (await clerk.PostAsync(url + "?handler=Validate", form)).Content.ReadAsStringAsync();
        Assert.Contains("此人不是本班的在读学员", check);
        Assert.Contains($"name=\"Scores[{enrollment}]\" value=\"92\"", check);
        Assert.Null(await ScoreAsync(enrollment));

        var confirm = await clerk.PostFormAsync(url + "?handler=Save", new() { [$"Scores[{enrollment}]"] = "92" }, url);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(92m, await ScoreAsync(enrollment));
    }

    /// <summary>forms31: a row whose ID number was wrong was not checked for its score too.</summary>
    [Fact]
    public async Task ScoresImport_ARowWithAStrangerAndABadScore_ListsBoth_AndWritesNothing()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Assessment";
        var token = FormClient.TokenOf(await clerk.GetStringAsync(url));
        var csv = $"身份证号,成绩\r\n{IdNumber.Create("330523", new DateOnly(1960, 2, 2), 7, Sex.Male).Value},170\r\n";
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "scores.csv");

        var check = await (await clerk.PostAsync(url + "?handler=Validate", form)).Content.ReadAsStringAsync();

        Assert.Contains("此人不是本班的在读学员", check);
        Assert.Contains("<td>B（成绩）</td><td>成绩须为 0 到 100 之间的数字。</td>", check);
        Assert.Null(await ScoreAsync(enrollment));
    }

    /// <summary>
    /// imports32 items 1 and 2: a row repeating an ID number that is no trainee's said only "same as row 2", and a row's errors
    /// came in the order they were found, not the file's column order (成绩 is the first column here).
    /// </summary>
    [Fact]
    public async Task ScoresImport_ARepeatedStrangerWithABadScore_ListsEveryError_InColumnOrder()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        await App.TraineesAsync(course.Id, 1);
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Assessment";
        var token = FormClient.TokenOf(await clerk.GetStringAsync(url));
        var stranger = IdNumber.Create("330523", new DateOnly(1961, 4, 4), 9, Sex.Male).Value;
        var csv = $"成绩,身份证号\r\n80,{stranger}\r\n170,{stranger}\r\n";
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "scores.csv");

        var check = await (await clerk.PostAsync(url + "?handler=Validate", form)).Content.ReadAsStringAsync();

        var rows = ImportClient.Errors(check, "score-import-errors").Where(e => e.Row == 3).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(("A（成绩）", "成绩须为 0 到 100 之间的数字。"), (rows[0].Column, rows[0].Reason));
        Assert.Equal("B（身份证号）", rows[1].Column);
        Assert.Contains("与第 2 行是同一人", rows[1].Reason);
        Assert.Equal(("B（身份证号）", "此人不是本班的在读学员。"), (rows[2].Column, rows[2].Reason));
    }

    [Fact]
    public async Task ScoresImport_FindsTheHeaderUnderATitleRow_LikeTheRosterImport()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        var idNumber = await App.QueryAsync(db => db.People.Where(p => p.Id == trainee.PersonId).Select(p => p.IdNumber).FirstAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Assessment";
        var token = FormClient.TokenOf(await clerk.GetStringAsync(url));
        var csv = $"安吉县2026年培训班考核成绩,\r\n身份证号,成绩\r\n{idNumber},81\r\n";
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "scores.csv");

        var check = await (await clerk.PostAsync(url + "?handler=Validate", form)).Content.ReadAsStringAsync();

        Assert.Contains($"name=\"Scores[{enrollment}]\" value=\"81\"", check);
    }

    [Fact]
    public async Task AnotherCounty_GetsNotFound_OnAssessmentAndResults_AndTheAtRiskListShows()
    {
        var course = await App.InProgressCourseAsync(pastSessions: 3, assessed: true);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Absent });
        var wuxing = await App.LoginAsync("wuxing.officer");
        var officer = await App.LoginAsync("anji.officer");

        Assert.Equal(HttpStatusCode.NotFound, (await wuxing.GetAsync($"/Courses/{course.Id}/Assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wuxing.GetAsync($"/Courses/{course.Id}/Outcomes")).StatusCode);
        var results = await officer.GetStringAsync($"/Courses/{course.Id}/Outcomes");
        Assert.Contains("id=\"at-risk\"", results);
        Assert.Contains($"data-enrollment=\"{id}\" data-risk=\"Impossible\"", results);
    }

    /// <summary>
    /// A score sheet opened before a file import (or another clerk's save) must not undo it: a row left as shown keeps the newer
    /// score, a row changed on both sides keeps the newer score and names the trainee; the rows nobody else touched are saved.
    /// </summary>
    [Fact]
    public async Task A_stale_score_sheet_keeps_scores_saved_meanwhile_and_names_the_rows_it_did_not_overwrite()
    {
        var course = await App.InProgressCourseAsync(assessed: true);
        var trainees = await App.TraineesAsync(course.Id, 2);
        var a = await App.EnrollmentIdAsync(course.Id, trainees[0].PersonId);
        var b = await App.EnrollmentIdAsync(course.Id, trainees[1].PersonId);
        var nameB = await App.QueryAsync(db => db.People.Where(p => p.Id == trainees[1].PersonId).Select(p => p.Name).FirstAsync());
        var trainer = await App.LoginAsync("trainer.wang");
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/Courses/{course.Id}/Assessment";
        Assert.Contains($"name=\"Shown[{a}]\" value=\"\"", await trainer.GetStringAsync(url));

        // The clerk confirms a score file (no shown values) after the trainer opened the sheet with both rows blank.
        await clerk.PostFormAsync(url + "?handler=Save", new() { [$"Scores[{a}]"] = "92" }, url);
        var stale = await trainer.PostFormAsync(url + "?handler=Save",
            new() { [$"Scores[{a}]"] = "", [$"Shown[{a}]"] = "", [$"Scores[{b}]"] = "75", [$"Shown[{b}]"] = "" }, url);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(92m, await ScoreAsync(a));
        Assert.Equal(75m, await ScoreAsync(b));

        // Both change b: the clerk's 60 stays, the trainer's 80 is refused by name; a's untouched row stays 92.
        await clerk.PostFormAsync(url + "?handler=Save", new() { [$"Scores[{b}]"] = "60", [$"Shown[{b}]"] = "75" }, url);
        var conflict = await trainer.PostFormAsync(url + "?handler=Save",
            new() { [$"Scores[{a}]"] = "92", [$"Shown[{a}]"] = "92", [$"Scores[{b}]"] = "80", [$"Shown[{b}]"] = "75" }, url);
        Assert.Equal(HttpStatusCode.Redirect, conflict.StatusCode);
        Assert.Equal(60m, await ScoreAsync(b));
        Assert.Equal(92m, await ScoreAsync(a));
        Assert.Contains($"{nameB} 的成绩在您打开本页后已被他人修改，没有覆盖", await trainer.GetStringAsync(url));
    }

    private Task<decimal?> ScoreAsync(int enrollmentId) =>
        App.QueryAsync(db => db.Enrollments.Where(e => e.Id == enrollmentId).Select(e => e.Score).FirstAsync());
}
