using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

public sealed partial class RosterImportTests(TalentHubFactory app) : AppTest(app)
{
    static RosterImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal static string ImportUrl(int courseId) => $"/Courses/{courseId}/Roster/Import";

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int courseId, byte[] file, string fileName)
    {
        var token = FormClient.TokenOf(await client.GetStringAsync(ImportUrl(courseId)));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "Upload", fileName);
        return await client.PostAsync($"{ImportUrl(courseId)}?handler=Validate", content);
    }

    private Task<int> EnrollmentCountAsync(int courseId) =>
        App.QueryAsync(db => db.Enrollments.CountAsync(e => e.CourseId == courseId));

    [Fact]
    public async Task Gb18030RosterOfGoodAndBadRows_IsCheckedFirst_AndOnlyTheGoodRowsAreEnrolledOnConfirm()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1);
        var good1 = await App.CreatePersonAsync();
        var good2 = await App.CreatePersonAsync();
        var child = await App.CreatePersonAsync(birthYear: DateTime.UtcNow.Year - 10);
        var outsider = await App.CreatePersonAsync(CourseBuilder.Zhili);
        var misnamed = await App.CreatePersonAsync();
        var unregistered = IdNumber.Create("330523", new DateOnly(1961, 3, 3), 517, Sex.Female).Value;
        var badCheckDigit = good1.IdNumber[..17] + (good1.IdNumber[17] == '0' ? "1" : "0");
        var csv = string.Join("\r\n",
            "姓名,身份证号",
            $"{good1.Name},{good1.IdNumber}",          // row 2: fine
            $"张三,{badCheckDigit}",                    // row 3: check digit
            $"{child.Name},{child.IdNumber}",          // row 4: too young
            $"李四,{unregistered}",                     // row 5: not in the registry
            $"{outsider.Name},{outsider.IdNumber}",    // row 6: another county, invisible to the clerk
            $"王五,{misnamed.IdNumber}",                // row 7: name does not match
            $",{good2.IdNumber}",                       // row 8: fine (name optional)
            $"{good1.Name},{good1.IdNumber}",          // row 9: same person as row 2
            "");
        var client = await App.LoginAsync("anji.clerk");

        var checkedFile = await UploadAsync(client, course, Encoding.GetEncoding("GB18030").GetBytes(csv), "花名册.csv");
        var html = await checkedFile.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, checkedFile.StatusCode);
        Assert.Equal(0, await EnrollmentCountAsync(course));
        Assert.Contains("身份证号校验位不正确", html);
        Assert.Contains("未达到该培训班的最低年龄", html);
        Assert.Contains("人才库中没有此身份证号", html);
        Assert.Contains("姓名与人才库登记的", html);
        Assert.Contains("与第 2 行是同一个人", html);
        foreach (var row in new[] { 3, 4, 5, 6, 7, 9 })
            Assert.Contains($"class=\"table-danger\" data-row=\"{row}\"", html);
        Assert.Contains(good1.Name, html);

        var validRows = ValidRowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2", "8"], validRows);
        var confirmed = await ConfirmAsync(client, course, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await EnrollmentCountAsync(course));
        Assert.Equal(EnrollmentStatus.Confirmed, (await App.EnrollmentOfAsync(course, good1.Id))!.Status);
        Assert.Equal(EnrollmentStatus.Waitlisted, (await App.EnrollmentOfAsync(course, good2.Id))!.Status);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Import && a.EntityType == "Course" && a.EntityId == course.ToString())));
        // One Create row per imported place (the import's note), not also the interceptor's.
        foreach (var person in new[] { good1.Id, good2.Id })
        {
            var place = (await App.EnrollmentOfAsync(course, person))!.Id.ToString();
            var creates = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Enrollment" && a.EntityId == place).Select(a => a.Changes).ToListAsync());
            Assert.Contains("via=RosterImport", Assert.Single(creates));
        }

        var again = await (await UploadAsync(client, course, Encoding.GetEncoding("GB18030").GetBytes(csv), "花名册.csv")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"roster-nothing-valid\"", again);
        Assert.Contains("已在名单中", again);
        Assert.Equal(2, await EnrollmentCountAsync(course));
    }

    /// <summary>forms31: a name that disagreed hid the enrollment's refusals of the same row.</summary>
    [Fact]
    public async Task ARowWithAWrongNameAndARefusal_ListsBoth_AndEnrollsNobody()
    {
        var course = await App.CreateOpenCourseAsync();
        var child = await App.CreatePersonAsync(birthYear: DateTime.UtcNow.Year - 10);
        var csv = $"姓名,身份证号\r\n王五,{child.IdNumber}\r\n";
        var client = await App.LoginAsync("anji.clerk");

        var html = await (await UploadAsync(client, course, Encoding.UTF8.GetBytes(csv), "花名册.csv")).Content.ReadAsStringAsync();

        Assert.Contains("姓名与人才库登记的", html);
        Assert.Contains("未达到该培训班的最低年龄", html);
        Assert.Empty(ValidRowPattern().Matches(html));
        Assert.Equal(0, await EnrollmentCountAsync(course));
    }

    /// <summary>
    /// imports32 item 1: a row repeating an earlier row's ID number was not looked up, so its wrong name was not listed; item 2:
    /// the row's errors come in the file's column order (姓名 before 身份证号), each naming its column.
    /// </summary>
    [Fact]
    public async Task ARowRepeatingAnIdNumberWithAWrongName_ListsBoth_InColumnOrder()
    {
        var course = await App.CreateOpenCourseAsync();
        var person = await App.CreatePersonAsync();
        var csv = $"姓名,身份证号\r\n{person.Name},{person.IdNumber}\r\n王五,{person.IdNumber}\r\n";
        var client = await App.LoginAsync("anji.clerk");

        var html = await (await UploadAsync(client, course, Encoding.UTF8.GetBytes(csv), "花名册.csv")).Content.ReadAsStringAsync();

        var errors = ErrorRowPattern().Matches(html).Select(m => (Row: int.Parse(m.Groups[1].Value), Column: m.Groups[2].Value, Reason: m.Groups[3].Value)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(3, e.Row));
        Assert.Equal("A（姓名）", errors[0].Column);
        Assert.Contains("姓名与人才库登记的", errors[0].Reason);
        Assert.Equal("B（身份证号）", errors[1].Column);
        Assert.Contains("与第 2 行是同一个人", errors[1].Reason);
        Assert.Equal(["2"], ValidRowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList());
    }

    [Fact]
    public async Task FileWithoutTheIdNumberColumn_IsRejectedWithTheColumnNamed()
    {
        var course = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("anji.clerk");

        var response = await UploadAsync(client, course, Encoding.UTF8.GetBytes("姓名,手机号\r\n张三,13900000000\r\n"), "roster.csv");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("缺少必填列", html);
        Assert.Contains("身份证号", html);
        Assert.DoesNotContain("id=\"roster-confirm\"", html);
    }

    [Fact]
    public async Task UnsupportedFileType_IsRefused()
    {
        var course = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("anji.clerk");

        var html = await (await UploadAsync(client, course, [1, 2, 3], "roster.txt")).Content.ReadAsStringAsync();

        Assert.Contains("只能导入 .xlsx 或 .csv 文件", html);
    }

    /// <summary>Confirms the checked upload by its token, as the page's confirm button does.</summary>
    /// <summary>
    /// Imports brief, item 2: a roster is enrolled all or nothing. The database refuses the third row at confirm (a
    /// trigger stands in for any failure while writing): nobody is enrolled, no seat is taken, no audit row or message
    /// is left, and the page says so in Chinese.
    /// </summary>
    [Fact]
    public async Task ARowFailingAtConfirm_LeavesNoPlaceSeatAuditOrMessage()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 2);
        var people = new List<Builders.PersonBuilder.NewPerson>();
        for (var i = 0; i < 4; i++) people.Add(await App.CreatePersonAsync());
        var csv = "姓名,身份证号\r\n" + string.Concat(people.Select(p => $"{p.Name},{p.IdNumber}\r\n"));
        var client = await App.LoginAsync("anji.clerk");
        var html = await (await UploadAsync(client, course, Encoding.UTF8.GetBytes(csv), "roster.csv")).Content.ReadAsStringAsync();
        var trigger = $"refuse_roster_{course}";
        var create = $"CREATE TRIGGER {trigger} BEFORE INSERT ON Enrollments WHEN NEW.PersonId = {people[2].Id} BEGIN SELECT RAISE(ABORT, 'refused by test'); END;";
        var drop = $"DROP TRIGGER {trigger};";
        await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(create));
        HttpResponseMessage confirmed;
        try { confirmed = await ConfirmAsync(client, course, html); }
        finally { await App.QueryAsync(db => db.Database.ExecuteSqlRawAsync(drop)); }

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("花名册导入没有完成，没有为任何人报名", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(0, await EnrollmentCountAsync(course));
        Assert.Equal(0, await App.QueryAsync(db => db.Courses.IgnoreQueryFilters().Where(c => c.Id == course).Select(c => c.ConfirmedCount).FirstAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Outbox.CountAsync(n => n.CourseId == course)));
        var key = course.ToString();
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            (a.EntityType == "Course" && a.EntityId == key && a.Action == AuditAction.Import)
            || (a.EntityType == nameof(Enrollment) && a.Changes!.Contains($"course={key};")))));

        var again = await ConfirmAsync(client, course, html);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(4, await EnrollmentCountAsync(course));
        Assert.Equal(2, await App.QueryAsync(db => db.Enrollments.CountAsync(e => e.CourseId == course && e.Status == EnrollmentStatus.Confirmed)));
    }

    internal static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, int courseId, string validationHtml, bool acceptWarnings = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormClient.TokenOf(validationHtml),
            ["Token"] = TokenPattern().Match(validationHtml).Groups[1].Value,
        };
        if (acceptWarnings) fields["AcceptWarnings"] = "true";
        return client.PostAsync($"{ImportUrl(courseId)}?handler=Confirm", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<tr data-row=\"(\\d+)\"><td>\\d+</td><td>[^<]*</td><td class=\"font-monospace\">")]
    private static partial Regex ValidRowPattern();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<tr class=\"table-danger\" data-row=\"\\d+\"><td>(\\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>")]
    private static partial Regex ErrorRowPattern();
}
