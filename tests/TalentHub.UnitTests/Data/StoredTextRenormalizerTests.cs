using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>Issue 8, item 13: names and identifiers stored before the normalisation are normalised once, hashes recomputed.</summary>
public sealed class StoredTextRenormalizerTests
{
    /// <summary>A run on a fresh context, as at start-up.</summary>
    private static async Task<int> RunAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new StoredTextRenormalizer(db, TestDatabase.Protector, database.Clock, NullLogger<StoredTextRenormalizer>.Instance).RunAsync();
    }

    /// <summary>People saved with the real keyed hash of their ID number (the shared builder uses placeholders).</summary>
    private static async Task<List<int>> PeopleAsync(TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        var ids = await db.PeopleAsync(count);
        foreach (var person in await db.People.Where(p => ids.Contains(p.Id)).ToListAsync())
            person.SetIdNumber(Web.Domain.Common.IdNumber.TryParse(person.IdNumber, TimeProvider.System, out var id, out _) ? id : throw new InvalidOperationException(),
                TestDatabase.Protector.Hash(person.IdNumber));
        await db.SaveChangesAsync();
        return ids;
    }

    private static string FullWidth(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c));

    [Fact]
    public async Task AStoredNameWithAZeroWidthSpace_AndFullWidthIdentifiers_AreNormalisedOnce_WithTheirHashes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await PeopleAsync(database, 1)).Single();
        await using var db = database.NewContext();
        var clean = await db.People.Where(p => p.Id == id).Select(p => p.IdNumber).SingleAsync();
        // As an older version stored them: typed text kept as it came, hashed as it came.
        await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Name, "张\u200B三 ")
            .SetProperty(p => p.IdNumber, FullWidth(clean))
            .SetProperty(p => p.IdNumberHash, TestDatabase.Protector.Hash(FullWidth(clean)))
            .SetProperty(p => p.Mobile, "１３９００００１２３４")
            .SetProperty(p => p.MobileHash, TestDatabase.Protector.Hash("１３９００００１２３４")));

        Assert.Equal(1, await RunAsync(database));

        await using var check = database.NewContext();
        var person = await check.People.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal("张三", person.Name);
        Assert.Equal(clean, person.IdNumber);
        Assert.Equal(TestDatabase.Protector.Hash(clean), person.IdNumberHash);
        Assert.Equal("13900001234", person.Mobile);
        Assert.Equal(TestDatabase.Protector.Hash("13900001234"), person.MobileHash);
        Assert.Equal("1234", person.MobileTail);
        // Found by the search and duplicate check again, which look the normalised text up.
        Assert.Equal(1, await check.People.CountAsync(p => p.Name == "张三" && p.IdNumberHash == TestDatabase.Protector.Hash(clean)));
    }

    [Fact]
    public async Task ARunCutShort_IsFinishedByTheNext_AndACompletedRunIsNotRepeated()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ids = await PeopleAsync(database, 2);
        await using var db = database.NewContext();
        await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "李\u200D四"));
        // The first run "died" after fixing one record: no marker yet.
        await db.People.Where(p => p.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "李四"));

        Assert.Equal(1, await RunAsync(database));
        await db.People.Where(p => p.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "王\u200B五"));
        Assert.Equal(0, await RunAsync(database));

        Assert.Equal(2, await db.People.CountAsync(p => p.Name == "李四" || p.Name == "王\u200B五"));
        Assert.Single(await db.JobRuns.Where(r => r.JobName == StoredTextRenormalizer.MarkerName).ToListAsync());
    }
}
