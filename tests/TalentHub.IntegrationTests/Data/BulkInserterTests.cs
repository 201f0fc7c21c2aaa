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
        Assert.Contains("\"" + name + "\"", personAudit.Changes); // written as itself (review14), not \uXXXX
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

    /// <summary>
    /// Issue 12: many people go into one multi-row INSERT … RETURNING (several statements and a shorter last one), and
    /// the keys come back in no promised order: each record must get its own key (matched by its ID number's hash), its
    /// categories must hang under it, and its audit rows must name it — exactly as one statement per row did.
    /// </summary>
    [Fact]
    public async Task ManyRecordsAtOnce_EachGetsItsOwnKey_AndItsCategoriesAndAuditRowsFollowIt()
    {
        var name = NewName("多行");
        const int count = 23; // People has 21 columns: 11 rows a statement, so 11 + 11 + 1
        List<(int Id, string Name, string Hash, string IdNumber, TalentCategory Category)> written;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
            var people = Enumerable.Range(0, count).Select(i =>
            {
                var person = new Person { Name = name + i };
                registry.SetIdentifiers(person, NewIdNumber(YuCun, i % 2 == 0 ? Sex.Male : Sex.Female), $"139{i:D8}");
                person.MoveTo(YuCun);
                var category = i % 3 == 0 ? TalentCategory.LocalTalent : TalentCategory.HighQualityFarmer;
                person.SetCategories(i % 4 == 0 ? [category, TalentCategory.ProfessionalManager] : [category],
                    category == TalentCategory.LocalTalent ? LocalTalentType.ProductionExpert : null, null);
                return person;
            }).ToList();
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal(count, scope.ServiceProvider.GetRequiredService<BulkInserter>().Insert(people, null, default));
            await tx.CommitAsync();
            written = people.Select(p => (p.Id, p.Name, p.IdNumberHash, p.IdNumber, p.Categories.First().Category)).ToList();
        }

        Assert.Equal(count, written.Select(w => w.Id).Distinct().Count());
        var ids = written.Select(w => w.Id).ToList();
        var stored = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Include(p => p.Categories)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id));
        Assert.Equal(count, stored.Count);
        for (var i = 0; i < count; i++)
        {
            var (id, personName, hash, idNumber, category) = written[i];
            var person = stored[id];
            Assert.Equal(personName, person.Name);
            Assert.Equal(hash, person.IdNumberHash);
            Assert.Equal(idNumber, person.IdNumber);            // decrypts
            Assert.Equal($"139{i:D8}", person.Mobile);
            Assert.Equal(i % 4 == 0 ? 2 : 1, person.Categories.Count);
            Assert.Contains(person.Categories, c => c.Category == category);
        }
        var keys = ids.Select(i => i.ToString()).ToList();
        var personAudits = await App.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(Person) && a.Action == AuditAction.Create && keys.Contains(a.EntityId!)).ToListAsync());
        Assert.Equal(count, personAudits.Count);
        Assert.All(personAudits, a => Assert.Contains(
            "\"" + stored[int.Parse(a.EntityId!)].Name + "\"", a.Changes));
        var categoryKeys = stored.Values.SelectMany(p => p.Categories).Select(c => c.Id.ToString()).ToList();
        var categoryAudits = await App.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(PersonCategory) && categoryKeys.Contains(a.EntityId!)).ToListAsync());
        Assert.Equal(categoryKeys.Count, categoryAudits.Count);
        // Each category's audit row names the person it belongs to.
        var owner = stored.Values.SelectMany(p => p.Categories.Select(c => (c.Id, p.Id))).ToDictionary(x => x.Item1.ToString(), x => x.Item2);
        Assert.All(categoryAudits, a => Assert.Contains($"\"PersonId\":[null,{owner[a.EntityId!]}]", a.Changes));
    }
}
