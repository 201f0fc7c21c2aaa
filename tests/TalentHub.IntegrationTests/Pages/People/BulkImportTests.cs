using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;


/// <summary>Issue 8, items 9, 10, 11 and 14 through the real pages.</summary>
public sealed class BulkImportTests(TalentHubFactory app) : AppTest(app)
{
    private static int _block;

    /// <summary>Valid ID numbers nobody else uses (born in the 1920s, a block per call).</summary>
    private static List<string> NewIds(int count)
    {
        var block = Interlocked.Increment(ref _block);
        return Enumerable.Range(0, count)
            .Select(i => IdNumber.Create("330523", new DateOnly(1920 + block, 1, 1).AddDays(i % 360), i / 360 * 2 + 101, Sex.Male).Value)
            .ToList();
    }

    private async Task<List<(int Id, string IdNumber)>> RegisterAsync(IReadOnlyList<string> ids, string prefix)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        var people = ids.Select((id, i) =>
        {
            var person = new Person { Name = $"{prefix}{i}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            registry.SetIdentifiers(person, registry.ParseIdNumber(id), null);
            person.MoveTo(YuCun);
            person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            return person;
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select((p, i) => (p.Id, ids[i])).ToList();
    }

    [Fact]
    public async Task ARosterOf1100Rows_IsConfirmedFromTheStoredUpload()
    {
        var course = await App.CreateOpenCourseAsync(capacity: 1000);
        var people = await RegisterAsync(NewIds(1100), "花名册");
        var csv = "姓名,身份证号\r\n" + string.Concat(people.Select((p, i) => $"花名册{i},{p.IdNumber}\r\n"));
        var client = await App.LoginAsync("anji.clerk");

        var html = await (await RosterImportTests.UploadAsync(client, course, Encoding.UTF8.GetBytes(csv), "roster.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("name=\"personIds\"", html);
        var confirmed = await RosterImportTests.ConfirmAsync(client, course, html);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var statuses = await App.QueryAsync(db => db.Enrollments.Where(e => e.CourseId == course)
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(1000, statuses.Single(s => s.Key == TalentHub.Web.Domain.Training.EnrollmentStatus.Confirmed).Count);
        Assert.Equal(100, statuses.Single(s => s.Key == TalentHub.Web.Domain.Training.EnrollmentStatus.Waitlisted).Count);
    }

    /// <summary>
    /// Issue 8, item 9: saves by another clerk while a bulk import is confirmed all succeed (they wait at most for
    /// one of the import's short transactions, never fail), and the import is never seen half written.
    /// </summary>
    [Fact]
    public async Task WritesDuringABulkImport_Succeed_AndTheImportAppearsWhole()
    {
        const int rows = 4000;
        var ids = NewIds(rows);
        var prefix = "批量" + Guid.NewGuid().ToString("N")[..4];
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n"));
        var importer = await App.LoginAsync("anji.clerk");
        var (_, html) = await importer.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "bulk.csv");
        var other = await App.LoginAsync("anji.clerk");
        // What any page sees: only the region filter lifted (rows of a pending import batch stay hidden).
        Task<int> ImportedAsync() => App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix)));

        var import = importer.ConfirmAsync("/People/Import", html);
        var seen = new List<int>();
        do
        {
            var response = await other.PostPairsAsync("/People/Create",
                [("Input.Name", NewName("并发")), ("Input.IdNumber", NewIdNumber(YuCun).Value), ("Input.RegionCode", YuCun), ("Input.Categories", "HighQualityFarmer")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            seen.Add(await ImportedAsync());
        } while (!import.IsCompleted);
        await import;

        Assert.Equal(rows, await ImportedAsync());
        Assert.All(seen, count => Assert.True(count is 0 or rows, $"the import was seen half written: {count} of {rows}"));
    }

    /// <summary>Issue 8, item 9: the bulk path still writes one audit row per created person, with its id and county.</summary>
    [Fact]
    public async Task EachImportedPerson_HasItsOwnAuditRow_WithItsCounty()
    {
        var ids = NewIds(3);
        var prefix = "审计" + Guid.NewGuid().ToString("N")[..4];
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n"));
        var client = await App.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "audit.csv");
        await client.ConfirmAsync("/People/Import", html);

        var people = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Name.StartsWith(prefix))
            .Select(p => p.Id.ToString()).ToListAsync());
        var audits = await App.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Person) && a.Action == AuditAction.Create && people.Contains(a.EntityId!)).ToListAsync());
        Assert.Equal(3, people.Count);
        Assert.Equal(people.Order(), audits.Select(a => a.EntityId!).Order());
        Assert.All(audits, a =>
        {
            Assert.Equal("330523", a.CountyCode![..6]);
            Assert.Equal("anji.clerk", a.UserName);
            Assert.Contains(prefix, a.Changes);
            Assert.DoesNotContain(ids[0], a.Changes);
        });
    }

    [Fact]
    public async Task AnIdentifierExcelMayHaveRounded_MustBeAcceptedBeforeConfirm()
    {
        var rounded = Enumerable.Range(0, 1000).Select(seq => IdNumber.Create("330523", new DateOnly(1931, 7, 7), seq, Sex.Female).Value)
            .First(id => id.EndsWith("000", StringComparison.Ordinal));
        var name = NewName("核对");
        var csv = $"安吉县人才信息表\r\n姓名,身份证号,所在村（社区）,人才类别\r\n{name},{rounded},余村,高素质农民\r\n";
        var client = await App.LoginAsync("anji.clerk");

        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "titled.csv");
        Assert.Empty(ImportClient.Errors(html));
        Assert.Contains("id=\"import-warnings\"", html);
        var refused = await client.PostFormAsync("/People/Import?handler=Confirm", new() { ["Token"] = ImportClient.TokenOf(html) }, formPage: "/People/Import");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, await App.CountNamedAsync(name));

        var accepted = await client.PostFormAsync("/People/Import?handler=Confirm",
            new() { ["Token"] = ImportClient.TokenOf(html), ["AcceptWarnings"] = "true" }, formPage: "/People/Import");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(1, await App.CountNamedAsync(name));
    }

    [Fact]
    public async Task FormulasAndNamesWithoutALetter_AreRefusedByTheImportAndTheForm()
    {
        var ids = NewIds(3);
        var csv = $"姓名,身份证号,所在村（社区）,人才类别\r\n=1+1,{ids[0]},余村,高素质农民\r\n2,{ids[1]},余村,高素质农民\r\n{NewName("好")},3.30523E+17,余村,高素质农民\r\n";
        var client = await App.LoginAsync("anji.clerk");

        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "names.csv");
        var errors = ImportClient.Errors(html);
        Assert.True(errors.Count >= 3, string.Join("\n", errors));
        Assert.Contains(errors, e => e.Row == 2 && e.Reason.Contains("= + - @"));
        Assert.Contains(errors, e => e.Row == 3 && e.Reason.Contains("至少要有一个汉字或字母"));
        Assert.Contains(errors, e => e.Row == 4 && e.Reason.Contains("Excel 把它存成了数字"));

        var form = await client.PostPairsAsync("/People/Create",
            [("Input.Name", "=1+1"), ("Input.IdNumber", ids[2]), ("Input.RegionCode", YuCun), ("Input.Categories", "HighQualityFarmer")]);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var page = await form.Content.ReadAsStringAsync();
        Assert.True(FieldError(page, "Input.Name").Contains("至少要有一个汉字或字母"), TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms.Errors(page));
    }

    /// <summary>
    /// Issue 12 (perf7b): the ID-number look-ups of an import (already registered, taken meanwhile) bind a chunk of 500
    /// hashes as ONE parameter. With one named parameter per hash (EF's default), preparing the statement and binding each
    /// name by a linear scan of the statement's names were ~20 % of a 100,000-row validation's CPU.
    /// </summary>
    [Fact]
    public async Task TheIdNumberLookUp_BindsItsHashesAsOneParameter_AndFindsWhatIsRegistered()
    {
        var ids = NewIds(3);
        var registered = await RegisterAsync(ids.Take(2).ToList(), NewName("查重"));
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        var hashes = ids.Select(id => registry.Hash(registry.ParseIdNumber(id).Value)).ToArray();

        var sql = PeopleImporter.Holding(db.People.IgnoreQueryFilters(), hashes).ToQueryString();
        Assert.Contains("json_each(", sql);
        Assert.Single(sql.Split('\n'), line => line.StartsWith(".param set", StringComparison.Ordinal));
        var found = await PeopleImporter.Holding(db.People.IgnoreQueryFilters(), hashes).Select(p => p.Id).ToListAsync();
        Assert.Equal(registered.Select(r => r.Id).Order(), found.Order());
    }
}
