using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Pages.Admin;

public sealed class AuditTests(TalentHubFactory app) : AppTest(app)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task Admin_AfterAPersonIsEdited_SeesTheUpdateWithBeforeAndAfter_AndNoClearIdNumber()
    {
        var (id, idNumber) = await AddPersonAsync("茶园管理");
        await EditIndustryAsync(id, "白茶种植");
        var client = await App.LoginAsync("admin");

        var html = await client.GetStringAsync($"/Admin/Audit?Type=Person&Id={id}&action=Update");

        Assert.Contains("data-action=\"Update\"", html);
        Assert.DoesNotContain("data-action=\"Create\"", html);
        Assert.Matches(@"茶园管理</span>\s*<span[^>]*>→</span>\s*<span[^>]*>白茶种植", html);
        Assert.DoesNotContain(idNumber, html);
    }

    [Fact]
    public async Task Admin_SeesTheSeededCreates_NewestFirst()
    {
        var client = await App.LoginAsync("admin");

        var html = await client.GetStringAsync("/Admin/Audit?action=Create&Type=BusinessEntity");

        Assert.Contains("data-action=\"Create\"", html);
        Assert.DoesNotContain("data-action=\"Update\"", html);
        Assert.Contains("经营主体", html);
    }

    [Fact]
    public async Task FilterByUserAndAction_ShowsOnlyThatUsersEntriesOfThatAction_WithTheirSummary()
    {
        var user = NewUser();
        await AddEntriesAsync(user, DateTimeOffset.UtcNow, (AuditAction.Export, "导出人才 25 条"), (AuditAction.Reveal, "查看完整身份证号"));
        await AddEntriesAsync(NewUser(), DateTimeOffset.UtcNow, (AuditAction.Export, "别人的导出"));
        var client = await App.LoginAsync("admin");

        var html = await client.GetStringAsync($"/Admin/Audit?user={user}&action=Export");

        Assert.Contains("导出人才 25 条", html);
        Assert.DoesNotContain("查看完整身份证号", html);
        Assert.DoesNotContain("别人的导出", html);
    }

    [Fact]
    public async Task FilterByDate_UsesShanghaiCalendarDays()
    {
        var user = NewUser();
        await AddEntriesAsync(user, new DateTimeOffset(2020, 3, 5, 23, 30, 0, Shanghai), (AuditAction.Import, "late on the fifth"));
        await AddEntriesAsync(user, new DateTimeOffset(2020, 3, 6, 0, 30, 0, Shanghai), (AuditAction.Import, "early on the sixth"));
        var client = await App.LoginAsync("admin");

        var fifth = await client.GetStringAsync($"/Admin/Audit?user={user}&From=2020-03-05&To=2020-03-05");
        var sixth = await client.GetStringAsync($"/Admin/Audit?user={user}&From=2020-03-06&To=2020-03-06");

        Assert.Contains("late on the fifth", fifth);
        Assert.DoesNotContain("early on the sixth", fifth);
        Assert.Contains("early on the sixth", sixth);
        Assert.DoesNotContain("late on the fifth", sixth);
    }

    [Fact]
    public async Task ManyEntries_ArePaged_NewestFirst()
    {
        var user = NewUser();
        var start = new DateTimeOffset(2021, 6, 1, 9, 0, 0, Shanghai);
        for (var i = 0; i < 30; i++) await AddEntriesAsync(user, start.AddMinutes(i), (AuditAction.Export, $"export-{i:D2}"));
        var client = await App.LoginAsync("admin");

        var first = await client.GetStringAsync($"/Admin/Audit?user={user}");
        var second = await client.GetStringAsync($"/Admin/Audit?user={user}&page=2");

        Assert.Contains("export-29", first);
        Assert.True(first.IndexOf("export-29", StringComparison.Ordinal) < first.IndexOf("export-28", StringComparison.Ordinal));
        Assert.DoesNotContain("export-04", first);
        Assert.Contains("export-04", second);
        Assert.Contains("export-00", second);
        Assert.DoesNotContain("export-05", second);
    }

    [Fact]
    public async Task NoMatch_ShowsTheEmptyState_InEitherLanguage()
    {
        var client = await App.LoginAsync("admin");

        var chinese = await client.GetStringAsync($"/Admin/Audit?user={NewUser()}");
        var english = await client.GetStringAsync($"/Admin/Audit?user={NewUser()}&culture=en");

        Assert.Contains("empty-state", chinese);
        Assert.Contains("没有符合条件的审计记录", chinese);
        Assert.Contains("No audit entries match these filters.", english);
        Assert.Contains("Audit log", english);
    }

    [Theory]
    [InlineData("anji.officer")]
    [InlineData("city.officer")]
    [InlineData("anji.clerk")]
    [InlineData("13800000003")]
    public async Task NonAdmin_IsDenied(string login)
    {
        var client = await App.LoginAsync(login);

        var response = await client.GetAsync("/Admin/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var response = await App.NewClient().GetAsync("/Admin/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString());
    }

    private static string NewUser() => "audit.test." + Guid.NewGuid().ToString("N")[..10];

    private Task AddEntriesAsync(string user, DateTimeOffset at, params (AuditAction Action, string Summary)[] entries) =>
        App.QueryAsync(async db =>
        {
            foreach (var (action, summary) in entries)
                db.AuditEntries.Add(new AuditEntry { At = at, UserName = user, Action = action, EntityType = "Person", Changes = summary });
            return await db.SaveChangesAsync();
        });

    private async Task<(int Id, string IdNumber)> AddPersonAsync(string industry)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
        var id = IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(0, 1000), Sex.Female);
        var person = new Person { Name = "审计" + Random.Shared.Next(0, 10_000), Industry = industry, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        registry.SetIdentifiers(person, id, null);
        person.MoveTo("330523108204");
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        db.People.Add(person);
        await db.SaveChangesAsync();
        return (person.Id, id.Value);
    }

    private Task EditIndustryAsync(int id, string industry) =>
        App.QueryAsync(async db =>
        {
            var person = await db.People.FindAsync(id);
            person!.Industry = industry;
            person.Version++;
            return await db.SaveChangesAsync();
        });
}
