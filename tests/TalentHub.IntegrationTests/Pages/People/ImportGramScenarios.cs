using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12 (perf5b), run on SQLite and on PostgreSQL: the insert trigger skips people of a pending import batch and
/// the import writes their name bigrams itself (<see cref="ImportBatchGrams"/>). Those grams must be exactly the
/// trigger's, the people unsearchable until the flip and searchable right after it, and a rolled-back chunk or a
/// crashed (abandoned, then cleaned) batch must leave no grams behind.
/// </summary>
public static class ImportGramScenarios
{
    /// <summary>Two random CJK characters, so a fragment (and its bigram) is this test's own.</summary>
    private static string RarePair() => string.Concat((char)Random.Shared.Next(0x4E00, 0x9FA5), (char)Random.Shared.Next(0x4E00, 0x9FA5));

    /// <summary>Names with a repeated bigram, a character outside the BMP, one character only and many characters.</summary>
    private static List<string> Names(string pair) =>
        [$"测{pair}试", $"{pair}{pair}{pair[0]}", $"𠀀{pair}", pair[..1], $"{pair}{string.Concat(Enumerable.Repeat("长名字", 12))}"];

    /// <summary>
    /// Names of distinct characters at the lengths where the import's list of positions changes shape (9–12 characters:
    /// one- and two-digit positions, <see cref="ImportBatchGrams.PositionsOfName"/>) and at its end (49 and 50 characters).
    /// </summary>
    private static List<string> Lengths(string pair) =>
        [.. new[] { 2, 9, 10, 11, 12, 49, 50 }.Select(n => pair + string.Concat(Enumerable.Range(0, n - 2).Select(k => (char)(0x4E00 + 7 * k))))];

    public static async Task PendingGrams_EqualTheTriggers_AndAreFoundOnlyAfterTheFlip(TalentHubFactory app)
    {
        var pair = RarePair();
        List<string> names = [.. Names(pair), .. Lengths(RarePair())];
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var batches = services.GetRequiredService<ImportBatches>();
        var allByTrigger = await InsertAsync(services, names, null);
        var batch = await batches.BeginAsync("people", null, default);
        var allPending = await InsertAsync(services, names, batch);

        for (var i = 0; i < names.Count; i++)
        {
            var expected = await GramsAsync(app, allByTrigger[i].Id);
            Assert.Equal(expected, await GramsAsync(app, allPending[i].Id));
            if (names[i].Length > 1) Assert.NotEmpty(expected);
        }
        // The searched fragment is in the first names only (the list shows one page).
        var byTrigger = allByTrigger.Take(Names(pair).Count).ToList();
        var pending = allPending.Take(Names(pair).Count).ToList();
        var client = await app.LoginAsync("anji.clerk");
        var search = $"/People?Q={Uri.EscapeDataString(pair)}";
        var before = await client.GetStringAsync(search);
        Assert.All(byTrigger.Where(p => p.Name.Length > 1), p => Assert.Contains(Link(p), before));
        Assert.All(pending, p => Assert.DoesNotContain(Link(p), before));

        await batches.CommitAsync(batch, default);

        var after = await client.GetStringAsync(search);
        Assert.All(pending.Where(p => p.Name.Length > 1), p => Assert.Contains(Link(p), after));
    }

    public static async Task ARolledBackChunk_OrACrashedBatchOnceCleaned_LeavesNoGrams(TalentHubFactory app)
    {
        var pair = RarePair();
        List<Person> crashed;
        using (var scope = app.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<TalentHubDbContext>();
            var batch = await services.GetRequiredService<ImportBatches>().BeginAsync("people", null, default);
            // A chunk that fails after its insert: its transaction rolls back, grams included.
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                services.GetRequiredService<BulkInserter>().Insert(Names(pair).Select(n => NewPerson(services, n)).ToList(), batch, default);
                Assert.NotEqual(0, await db.PersonNameGrams.CountAsync(g => g.Gram == pair));
                await tx.RollbackAsync();
            }
            Assert.Equal(0, await app.QueryAsync(d => d.PersonNameGrams.CountAsync(g => g.Gram == pair)));
            // A chunk that committed, then the process died (the batch is never flipped).
            crashed = await InsertAsync(services, Names(pair), batch);
        }
        Assert.NotEqual(0, await app.QueryAsync(d => d.PersonNameGrams.CountAsync(g => g.Gram == pair)));
        var client = await app.LoginAsync("anji.clerk");
        var found = await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}");
        Assert.All(crashed, p => Assert.DoesNotContain(Link(p), found));

        // The clean-up that runs at start-up and as a job, once the batch is abandoned.
        using (var scope = app.Services.CreateScope())
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
            var batches = new ImportBatches(scope.ServiceProvider.GetRequiredService<TalentHubDbContext>(), clock,
                scope.ServiceProvider.GetRequiredService<ImportBatchOwners>(), NullLogger<ImportBatches>.Instance);
            Assert.True(await batches.DiscardAbandonedAsync(new ImportOptions().PendingBatchAge, default) >= 1);
        }
        Assert.Equal(0, await app.QueryAsync(d => d.PersonNameGrams.CountAsync(g => g.Gram == pair)));
        Assert.Equal(0, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => p.Name.Contains(pair))));
    }

    private static string Link(Person person) => $"href=\"/People/{person.Id}\"";

    private static Task<List<string>> GramsAsync(TalentHubFactory app, int personId) =>
        app.QueryAsync(db => db.PersonNameGrams.Where(g => g.PersonId == personId).Select(g => g.Gram).OrderBy(g => g).ToListAsync());

    /// <summary>Writes one person per name through the import's bulk path, under <paramref name="batch"/> when given.</summary>
    private static async Task<List<Person>> InsertAsync(IServiceProvider services, IEnumerable<string> names, long? batch)
    {
        var db = services.GetRequiredService<TalentHubDbContext>();
        var people = names.Select(n => NewPerson(services, n)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync();
        services.GetRequiredService<BulkInserter>().Insert(people, batch, default);
        await tx.CommitAsync();
        return people;
    }

    private static Person NewPerson(IServiceProvider services, string name)
    {
        var registry = services.GetRequiredService<PersonRegistry>();
        var person = new Person { Name = name };
        registry.SetIdentifiers(person, registry.ParseIdNumber(NewIdNumber(YuCun).Value), null);
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        return person;
    }
}

/// <summary>The import's own name bigrams on SQLite (issue 12, perf5b).</summary>
public sealed class ImportGramTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task PendingGrams_EqualTheTriggers_AndAreFoundOnlyAfterTheFlip() => ImportGramScenarios.PendingGrams_EqualTheTriggers_AndAreFoundOnlyAfterTheFlip(App);

    [Fact]
    public Task ARolledBackChunk_OrACrashedBatchOnceCleaned_LeavesNoGrams() => ImportGramScenarios.ARolledBackChunk_OrACrashedBatchOnceCleaned_LeavesNoGrams(App);
}
