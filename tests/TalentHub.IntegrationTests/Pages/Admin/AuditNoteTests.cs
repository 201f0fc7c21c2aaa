using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Audit;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Import, export and reveal notes are shown in the viewer's language on /Admin/Audit (review11: they were stored and shown
/// as English text such as <c>file=x.xlsx; rows=120; warnings accepted=1</c>); notes stored before still show.
/// </summary>
public sealed class AuditNoteTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task AnImportNote_IsShownWithLabels_InChineseAndEnglish_WithItsFileNameWhole()
    {
        var user = NewUser();
        await AddAsync(user, AuditAction.Import, new AuditNote().With(AuditNoteKeys.File, "名单;第2批=终稿.xlsx").With(AuditNoteKeys.Rows, 120)
            .With(AuditNoteKeys.Skipped, 3).With(AuditNoteKeys.WarningsAccepted, 1).With(AuditNoteKeys.County, Anji).ToString());
        var admin = await App.LoginAsync("admin");

        var chinese = await admin.GetStringAsync($"/Admin/Audit?user={user}");
        var english = await admin.GetStringAsync($"/Admin/Audit?user={user}&culture=en");

        Assert.Matches(@"文件</span>:\s*<span[^>]*>名单;第2批=终稿.xlsx</span>", chinese);
        Assert.Matches(@"行数</span>:\s*<span[^>]*>120</span>", chinese);
        Assert.Matches(@"已确认的提醒</span>:\s*<span[^>]*>1</span>", chinese);
        Assert.Matches(@"县（市、区）</span>:\s*<span[^>]*>安吉县</span>", chinese);
        Assert.DoesNotContain("rows=", chinese);
        Assert.Matches(@"File</span>:\s*<span[^>]*>名单;第2批=终稿.xlsx</span>", english);
        Assert.Matches(@"Rows</span>:\s*<span[^>]*>120</span>", english);
        Assert.Matches(@"Warnings accepted</span>:\s*<span[^>]*>1</span>", english);
        Assert.Matches(@"County</span>:\s*<span[^>]*>Anji County</span>", english);
    }

    [Fact]
    public async Task OldNotes_AreShownAsStored_OrByTheirOldKeys()
    {
        var user = NewUser();
        await AddAsync(user, AuditAction.Update, "regenerated 2026-03");
        await AddAsync(user, AuditAction.Import, "file=x.xlsx; rows=120; skipped=3; bad=2; warnings accepted=1");
        var admin = await App.LoginAsync("admin");

        var english = await admin.GetStringAsync($"/Admin/Audit?user={user}&culture=en");

        Assert.Contains("data-summary>regenerated 2026-03<", english);
        Assert.Matches(@"Rows with errors</span>:\s*<span[^>]*>2</span>", english);
        Assert.Matches(@"Warnings accepted</span>:\s*<span[^>]*>1</span>", english);
    }

    [Fact]
    public async Task ARealExport_IsNoted_WithItsFilterByLabel()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var export = await clerk.GetAsync("/People/Export?format=csv&Category=HighQualityFarmer&Education=Bachelor");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var admin = await App.LoginAsync("admin");

        var chinese = await admin.GetStringAsync("/Admin/Audit?user=anji.clerk&action=Export&Type=Person");
        var english = await admin.GetStringAsync("/Admin/Audit?user=anji.clerk&action=Export&Type=Person&culture=en");

        Assert.Matches(@"人才类别</span>:\s*<span[^>]*>高素质农民</span>", chinese);
        Assert.Matches(@"学历</span>:\s*<span[^>]*>本科</span>", chinese);
        Assert.Matches(@"格式</span>:\s*<span[^>]*>csv</span>", chinese);
        Assert.Matches(@"Talent category</span>:\s*<span[^>]*>High-quality farmer</span>", english);
        Assert.DoesNotContain("HighQualityFarmer<", english);
    }

    /// <summary>
    /// review13: a real import stored the file <c>名单;第2批=终稿.csv</c> as <c>名单第2批=终稿.csv</c> (the people and entity
    /// imports dropped <c>;</c>, which the note now escapes), and the roster import stored an ID number or mobile in the
    /// file's name unmasked. Both imports keep the name whole, with long digit runs masked.
    /// </summary>
    [Fact]
    public async Task RealImports_NoteTheFileNameWhole_WithItsDigitRunsMasked()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var csv = $"姓名,身份证号,所在村（社区）,人才类别\r\n{NewName("文件名")},{NewId()},余村,高素质农民\r\n";
        var (_, html) = await clerk.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "名单;第2批=13912345678.csv");
        await clerk.ConfirmAsync("/People/Import", html);
        var course = await App.CreateOpenCourseAsync();
        var person = await App.CreatePersonAsync();
        var roster = await RosterImportTests.UploadAsync(clerk, course, Encoding.UTF8.GetBytes($"姓名,身份证号\r\n{person.Name},{person.IdNumber}\r\n"),
            $"花名册;{person.IdNumber}.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await RosterImportTests.ConfirmAsync(clerk, course, await roster.Content.ReadAsStringAsync())).StatusCode);

        var notes = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Import && a.UserName == "anji.clerk")
            .OrderByDescending(a => a.Id).Select(a => a.Changes).Take(2).ToListAsync());
        var files = notes.Select(n => AuditNote.Parse(n)!.Single(p => p.Key == AuditNoteKeys.File).Value).ToList();

        Assert.Equal(["花名册;***.csv", "名单;第2批=***.csv"], files);
        var admin = await App.LoginAsync("admin");
        Assert.Matches(@"文件</span>:\s*<span[^>]*>名单;第2批=\*\*\*.csv</span>", await admin.GetStringAsync("/Admin/Audit?user=anji.clerk&action=Import&Type=Person"));
    }

    /// <summary>
    /// Review: enrollment notes showed course and person as bare ids, token resources as stored names. A course shows its
    /// title and a person the masked name and ID number, linked to their pages; an id that names nothing stays an id.
    /// </summary>
    [Fact]
    public async Task CourseAndPersonReferences_ShowTitleAndMaskedPerson_WithLinks_AndTokenResourcesByLabel()
    {
        var user = NewUser();
        var (courseId, title) = await App.QueryAsync(async db => await db.Courses.IgnoreQueryFilters([RegionFilter.Name])
            .OrderBy(c => c.Id).Select(c => new ValueTuple<int, string>(c.Id, c.Title)).FirstAsync());
        var (personId, name, idNumber) = await App.QueryAsync(async db => await db.People.IgnoreQueryFilters([RegionFilter.Name])
            .OrderBy(p => p.Id).Select(p => new ValueTuple<int, string, string>(p.Id, p.Name, p.IdNumber)).FirstAsync());
        await AddAsync(user, AuditAction.Create, new AuditNote().With(AuditNoteKeys.Course, courseId).With(AuditNoteKeys.Person, personId)
            .With(AuditNoteKeys.Status, TalentHub.Web.Domain.Training.EnrollmentStatus.Confirmed).ToString(), "Enrollment");
        await AddAsync(user, AuditAction.Create, new AuditNote().With(AuditNoteKeys.Person, 987654321).ToString(), "Enrollment");
        await AddAsync(user, AuditAction.Create, "{\"Resources\":[null,\"people,indicators\"]}", "ApiToken");
        var admin = await App.LoginAsync("admin");

        var html = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Audit?user={user}"));

        Assert.Contains($"<a href=\"/Courses/{courseId}\">{title}</a>", html);
        var masked = $"{TalentHub.Web.Domain.Common.Masking.Name(name)} {TalentHub.Web.Domain.Common.Masking.IdNumber(idNumber)}";
        Assert.Contains($"<a href=\"/People/{personId}\">{masked}</a>", html);
        Assert.DoesNotContain(idNumber, html);
        Assert.Matches(@"<span class=""text-break"">\s*987654321\s*</span>", html);
        Assert.Contains(">人才、考核指标<", html);
        Assert.DoesNotContain("people,indicators", html);
    }

    private static string NewUser() => "audit.note." + Guid.NewGuid().ToString("N")[..10];

    private Task AddAsync(string user, AuditAction action, string note, string type = "Person") =>
        App.QueryAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, UserName = user, Action = action, EntityType = type, Changes = note });
            return db.SaveChangesAsync();
        });
}
