using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Issue 8, item 9: the imports' bulk path (prepared inserts from the EF model) stores and audits on PostgreSQL too.</summary>
public sealed class PostgresImportTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task APeopleImport_OnPostgres_StoresEveryRowWithItsCategoryAndAuditRow()
    {
        var prefix = "普" + Guid.NewGuid().ToString("N")[..4];
        var ids = Enumerable.Range(0, 3).Select(i => IdNumber.Create("330523", new DateOnly(1919, 2, 1).AddDays(i), 301 + i * 2, Sex.Male).Value).ToList();
        var csv = "姓名,身份证号,所在村（社区）,人才类别,手机号\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民,1390000{i:0000}\r\n"));
        var client = await App.LoginAsync("anji.clerk");
        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "pg.csv");
        await client.ConfirmAsync("/People/Import", html);

        var people = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Include(p => p.Categories)
            .Where(p => p.Name.StartsWith(prefix)).OrderBy(p => p.Name).ToListAsync());
        Assert.Equal(3, people.Count);
        Assert.Equal(ids, people.Select(p => p.IdNumber));
        Assert.Equal("13900000001", people[1].Mobile);
        Assert.All(people, p => Assert.Equal(TalentCategory.HighQualityFarmer, Assert.Single(p.Categories).Category));
        var keys = people.Select(p => p.Id.ToString()).ToList();
        Assert.Equal(3, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Person) && a.Action == AuditAction.Create && keys.Contains(a.EntityId!))));
    }
}
