using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Data;

/// <summary>Issue 8, item 9: the imports' fast path stores a record exactly as EF would, audited, and only inside a transaction.</summary>
public sealed class BulkInserterTests(TalentHubFactory app) : AppTest(app)
{
    private Person NewPerson(PersonRegistry registry, string name)
    {
        var person = new Person { Name = name, Skills = "种植,养殖", Notes = "备注" };
        registry.SetIdentifiers(person, NewIdNumber(YuCun, Sex.Female), "13900001234");
        person.Email = "farmer@example.org";
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.LocalTalent, TalentCategory.ReturningEntrepreneur], LocalTalentType.ProductionExpert,
            new Venture { Origin = EntrepreneurOrigin.CollegeGraduate, Name = "茶园", Investment = 12.5m, ReturnedOn = new DateOnly(2024, 3, 1) });
        return person;
    }

    [Fact]
    public async Task ARecordWithItsChildren_ReadsBackAsEfWouldStoreIt_WithAnAuditRowEach()
    {
        var name = NewName("批写");
        int id;
        string idNumber;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var person = NewPerson(scope.ServiceProvider.GetRequiredService<PersonRegistry>(), name);
            idNumber = person.IdNumber;
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, scope.ServiceProvider.GetRequiredService<BulkInserter>().Insert([person], null, default));
            await tx.CommitAsync();
            id = person.Id;
        }

        Assert.True(id > 0);
        var stored = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Include(p => p.Categories).SingleAsync(p => p.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Equal(idNumber, stored.IdNumber);
        Assert.Equal("13900001234", stored.Mobile);
        Assert.Equal("1234", stored.MobileTail);
        Assert.Equal("farmer@example.org", stored.Email);
        Assert.Equal(Sex.Female, stored.Sex);
        Assert.NotEqual(default, stored.CreatedAt);
        Assert.Equal(YuCun, stored.RegionCode);
        Assert.Equal([TalentCategory.LocalTalent, TalentCategory.ReturningEntrepreneur], stored.Categories.Select(c => c.Category).Order());
        Assert.Equal(LocalTalentType.ProductionExpert, stored.Categories.Single(c => c.Category == TalentCategory.LocalTalent).LocalTalentType);
        Assert.Equal(12.5m, stored.Venture!.Investment);
        Assert.Equal(new DateOnly(2024, 3, 1), stored.Venture.ReturnedOn);
        // Encrypted at rest, exactly as EF's converter does it.
        var raw = await App.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"IdNumber\" AS \"Value\" FROM \"People\" WHERE \"Id\" = {0}", id).SingleAsync());
        Assert.StartsWith("v1:", raw);

        var audits = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Create
            && (a.EntityType == nameof(Person) && a.EntityId == id.ToString() || a.EntityType == nameof(Venture) && a.EntityId == id.ToString())).ToListAsync());
        var personAudit = audits.Single(a => a.EntityType == nameof(Person));
        Assert.Equal(stored.CountyCode, personAudit.CountyCode);
        Assert.Contains(System.Text.Json.JsonSerializer.Serialize(name).Trim('"'), personAudit.Changes);
        Assert.DoesNotContain(idNumber, personAudit.Changes);
        Assert.DoesNotContain(stored.IdNumberHash, personAudit.Changes);
        Assert.Single(audits, a => a.EntityType == nameof(Venture));
        var categoryIds = stored.Categories.Select(c => c.Id.ToString()).ToList();
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PersonCategory) && categoryIds.Contains(a.EntityId!))));
    }

    [Fact]
    public async Task OutsideATransaction_NothingIsWritten_AndARolledBackInsertLeavesNothing()
    {
        var name = NewName("回滚");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var inserter = scope.ServiceProvider.GetRequiredService<BulkInserter>();
        var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();

        Assert.Throws<InvalidOperationException>(() => inserter.Insert([NewPerson(registry, name)], null, default));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            inserter.Insert([NewPerson(registry, name)], null, default);
            await tx.RollbackAsync();
        }

        Assert.Equal(0, await App.CountNamedAsync(name));
    }
}
