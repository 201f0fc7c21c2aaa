using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Every audit row of a record that belongs to a county carries that county (<see cref="AuditCounty"/>), whichever path
/// wrote it: the interceptor (hand-made changes, owner tracked or not) and the bulk insert of the imports (a person's
/// categories, an entity's members). Checked through the audit page's county filter.
/// </summary>
public sealed class AuditCountyTests(TalentHubFactory app) : AppTest(app)
{
    private const string Wuxing = "330502000000";

    [Fact]
    public async Task ImportedPeoplesCategories_AreFoundUnderTheirCounty()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var name = NewName("审计县");
        var csv = "姓名,身份证号,手机号,所在村（社区）,人才类别,乡土人才类型\r\n" + $"{name},{NewId()},,余村,\"高素质农民,农村实用人才带头人\",";
        var (_, html) = await clerk.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "people.csv");
        await clerk.ConfirmAsync("/People/Import", html);
        var categories = await App.QueryAsync(db => db.Set<PersonCategory>().IgnoreQueryFilters()
            .Where(c => db.People.IgnoreQueryFilters().Any(p => p.Id == c.PersonId && p.Name == name)).Select(c => c.Id).ToListAsync());

        Assert.Equal(2, categories.Count);
        foreach (var id in categories) await AssertFiledUnderAnjiAsync("PersonCategory", id);
    }

    [Fact]
    public async Task ImportedEntitiesMembers_AreFoundUnderTheirCounty()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var leader = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Where(p => p.CountyCode == Anji).Select(p => p.IdNumber).FirstAsync());
        var name = NewName("审计农场");
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var code = CreditCode.Create("92330523MA" + new string(Enumerable.Range(0, 7).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray()));
        var csv = "主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）,代码已核实\r\n" + $"{name},{code},家庭农场,{leader},余村,";
        var (_, html) = await clerk.ValidateAsync("/Entities/Import", Encoding.UTF8.GetBytes(csv), "entities.csv");
        await clerk.ConfirmAsync("/Entities/Import", html);
        var member = await App.QueryAsync(db => db.Set<EntityMember>().IgnoreQueryFilters()
            .Where(m => db.BusinessEntities.IgnoreQueryFilters().Any(e => e.Id == m.EntityId && e.Name == name)).Select(m => m.Id).SingleAsync());

        await AssertFiledUnderAnjiAsync("EntityMember", member);
    }

    [Fact]
    public async Task HandMadeCategoryChanges_AreFoundUnderTheirCounty_WithTheOwnerTrackedOrNot()
    {
        int personId;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var person = new Person { Name = NewName("审计手工"), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            scope.ServiceProvider.GetRequiredService<PersonRegistry>().SetIdentifiers(person, IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(0, 1000), Sex.Female), null);
            person.MoveTo(Yucun);
            person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }
        int removed;
        using (var scope = App.Services.CreateScope())
        {
            // The category alone, its person not loaded: the county is read from the database.
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var category = await db.Set<PersonCategory>().SingleAsync(c => c.PersonId == personId);
            removed = category.Id;
            db.Remove(category);
            await db.SaveChangesAsync();
        }
        var added = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "PersonCategory" && a.Action == AuditAction.Create
            && a.EntityId == removed.ToString()).CountAsync());

        Assert.Equal(1, added);
        await AssertFiledUnderAnjiAsync("PersonCategory", removed, expectedRows: 2);
    }

    [Fact]
    public void EveryAuditedType_HasACountyRule()
    {
        var audited = typeof(IAudited).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t));

        Assert.All(audited, t => Assert.True(typeof(IRegionOwned).IsAssignableFrom(t) || t.GetProperty("CountyCode") is not null
            || AuditCounty.Owners.ContainsKey(t) || AuditCounty.CityWide.Contains(t), $"{t.Name} names no county for its audit rows"));
    }

    /// <summary>The admin's audit page finds the record's rows under 安吉县 and none under 吴兴区.</summary>
    private async Task AssertFiledUnderAnjiAsync(string type, int id, int expectedRows = 1)
    {
        var admin = await App.LoginAsync("admin");

        var anji = await admin.GetStringAsync($"/Admin/Audit?Type={type}&Id={id}&County={Anji}");
        var wuxing = await admin.GetStringAsync($"/Admin/Audit?Type={type}&Id={id}&County={Wuxing}");

        Assert.True(expectedRows == Rows(anji), $"{type} {id}: {Rows(anji)} rows under 安吉县");
        Assert.Equal(0, Rows(wuxing));
    }

    private static int Rows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "data-audit-id=").Count;
}
