using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12, perf6a: values and audit texts computed ahead on another thread (<see cref="BulkInserter.Preparer"/>) store
/// exactly what the insert computes itself, on SQLite and PostgreSQL.
/// </summary>
public static class ImportPipelineScenarios
{
    public static async Task PreparedRows_StoreTheSameValuesAndAuditText_AsComputedAtInsert(TalentHubFactory app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TalentHubDbContext>();
        var inserter = services.GetRequiredService<BulkInserter>();
        var prefix = NewName("预备");
        var ahead = Enumerable.Range(0, 3).Select(i => NewPerson(services, $"{prefix}甲{i}", $"1390001{i:0000}")).ToList();
        var now = Enumerable.Range(0, 3).Select(i => NewPerson(services, $"{prefix}乙{i}", null)).ToList();
        var prepared = inserter.Preparer()(ahead);
        Assert.Equal(3, ahead.Count(p => p.CreatedAt != default));
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            inserter.Prepared = prepared;
            inserter.Insert(ahead, null, default);
            inserter.Prepared = null;
            inserter.Insert(now, null, default);
            await tx.CommitAsync();
        }

        var type = db.Model.FindEntityType(typeof(Person))!;
        foreach (var person in ahead.Concat(now))
        {
            // The text the audit interceptor's bulk helper gives for the record as inserted (its key now known).
            var expected = AuditInterceptor.Created(type, p => p.IsShadowProperty() ? null : p.GetGetter().GetClrValue(person));
            var key = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = await app.QueryAsync(d => d.AuditEntries.Where(a => a.EntityType == nameof(Person) && a.EntityId == key).Select(a => a.Changes).SingleAsync());
            Assert.Equal(expected, stored);
            var back = await app.QueryAsync(d => d.People.IgnoreQueryFilters().Include(p => p.Categories).SingleAsync(p => p.Id == person.Id));
            Assert.Equal((person.Name, person.IdNumber, person.IdNumberHash, person.Mobile, person.MobileHash, person.BirthDate, person.Sex),
                (back.Name, back.IdNumber, back.IdNumberHash, back.Mobile, back.MobileHash, back.BirthDate, back.Sex));
            Assert.Equal(TalentCategory.HighQualityFarmer, Assert.Single(back.Categories).Category);
        }
        Assert.StartsWith("{\"Id\":[null," + ahead[0].Id + "],", await app.QueryAsync(d => d.AuditEntries
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == ahead[0].Id.ToString()).Select(a => a.Changes!).SingleAsync()));
    }

    private static Person NewPerson(IServiceProvider services, string name, string? mobile)
    {
        var registry = services.GetRequiredService<PersonRegistry>();
        var person = new Person { Name = name };
        registry.SetIdentifiers(person, registry.ParseIdNumber(NewIdNumber(YuCun).Value), mobile);
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        return person;
    }
}

/// <summary>The scenarios of <see cref="ImportPipelineScenarios"/> on SQLite.</summary>
public sealed class ImportPreparedRowsTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task PreparedRows_StoreTheSameValuesAndAuditText_AsComputedAtInsert() =>
        ImportPipelineScenarios.PreparedRows_StoreTheSameValuesAndAuditText_AsComputedAtInsert(App);
}
