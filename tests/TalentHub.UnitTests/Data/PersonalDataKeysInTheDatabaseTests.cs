using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>Key fingerprints in the database and the re-encryption after a rotation (issue 15).</summary>
public sealed class PersonalDataKeysInTheDatabaseTests
{
    private static readonly byte[] V1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] V2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);
    private static readonly PersonalDataProtector Old = new(V1, HashKey);
    private static readonly PersonalDataProtector Rotated = new(new Dictionary<int, byte[]> { [1] = V1, [2] = V2 }, HashKey);
    private static readonly PersonalDataProtector Staged = new(new Dictionary<int, byte[]> { [1] = V1, [2] = V2 }, HashKey, 1);

    private static Task VerifyAsync(TestDatabase database, PersonalDataProtector keys, bool record = true)
    {
        var db = database.NewContext(keys);
        return new PersonalDataKeyGuard(db, keys, database.Clock).VerifyAsync(record);
    }

    private static async Task<int> FingerprintCountAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Old);
        return await db.KeyFingerprints.CountAsync();
    }

    [Fact]
    public async Task TheFirstNode_RecordsItsKeys_AndANodeWithTheSameKeysIsAccepted()
    {
        await using var database = await TestDatabase.CreateAsync();

        await VerifyAsync(database, Old);
        await VerifyAsync(database, new PersonalDataProtector(V1, HashKey));

        Assert.Equal(2, await FingerprintCountAsync(database));
    }

    [Fact]
    public async Task ANodeWithAnotherHashKey_IsRefused_AndRecordsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await VerifyAsync(database, Old);

        var error = await Assert.ThrowsAsync<PersonalDataKeyMismatchException>(() =>
            VerifyAsync(database, new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = V1, [2] = V2 }, RandomNumberGenerator.GetBytes(32))));

        Assert.Single(error.Problems, p => p.StartsWith("hash:", StringComparison.Ordinal));
        Assert.Equal(2, await FingerprintCountAsync(database));
    }

    [Fact]
    public async Task AStagedKey_IsRecorded_AndThenANodeWithoutItIsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await VerifyAsync(database, Old);
        await VerifyAsync(database, Staged);

        var error = await Assert.ThrowsAsync<PersonalDataKeyMismatchException>(() => VerifyAsync(database, Old, record: false));

        Assert.Contains("encryption:v2", error.Message);
        Assert.Equal(3, await FingerprintCountAsync(database));
    }

    [Fact]
    public async Task TheRotation_ReEncryptsInResumableBatches_LeavesHashesAlone_AndThenChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        const int people = PersonalDataRotation.BatchSize + 30;
        await using (var db = database.NewContext(Old))
        {
            for (var i = 0; i < people; i++)
            {
                var person = new Person { Name = $"轮换{i}" };
                var id = IdNumber.Create("330523", new DateOnly(1960, 1, 1).AddDays(i), i % 1000, Sex.Female);
                person.SetIdNumber(id, Old.Hash(id.Value));
                person.SetMobile($"1380000{i:D4}", Old.Hash);
                person.MoveTo("330523108204");
                db.People.Add(person);
            }
            await db.SaveChangesAsync();
        }
        await using var rotated = database.NewContext(Rotated);
        var rotation = new PersonalDataRotation(rotated, Rotated);

        var whileStaged = await new PersonalDataRotation(database.NewContext(Staged), Staged).RunAsync();
        var first = await rotation.RunAsync(maxBatches: 1);
        var left = await rotation.CountOutdatedAsync();
        var second = await rotation.RunAsync(maxBatches: 1);
        var third = await rotation.RunAsync();

        Assert.Equal(0, whileStaged);
        Assert.Equal(PersonalDataRotation.BatchSize, first);
        Assert.Equal(30, left);
        Assert.Equal(30, second);
        Assert.Equal(0, third);
        Assert.Equal(0, await rotation.CountOutdatedAsync());
        var found = await rotated.People.AsNoTracking().SingleAsync(p => p.MobileHash == Old.Hash("13800000007"));
        Assert.Equal("轮换7", found.Name);
        Assert.Equal("13800000007", found.Mobile);
    }

    [Fact]
    public async Task TheRotation_ClosesTheConnectionItOpened_AndLeavesACallersOpenOneOpen()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext(Rotated);
        var rotation = new PersonalDataRotation(db, Rotated);

        await rotation.RunAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        await rotation.CountOutdatedAsync();
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        await rotation.UsesOfAsync(1);
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);

        await db.Database.OpenConnectionAsync();
        Assert.Equal(0, await rotation.CountOutdatedAsync());
        Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
    }
}
