using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Retiring an old personal-data key after a rotation (issue 15): the rotation also covers Identity's tokens and the
/// data-protection key ring, and a node without the old key is refused while anything still uses it.
/// </summary>
public sealed class PersonalDataRetirementTests : IDisposable
{
    private static readonly byte[] V1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] V2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);
    private static readonly PersonalDataProtector Old = new(V1, HashKey);
    private static readonly PersonalDataProtector Rotated = new(new Dictionary<int, byte[]> { [1] = V1, [2] = V2 }, HashKey);
    private static readonly PersonalDataProtector Retired = new(new Dictionary<int, byte[]> { [2] = V2 }, HashKey);

    private readonly DataDirectory _data = new(Path.Combine(Path.GetTempPath(), "talenthub-retire-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => Directory.Delete(_data.Root, recursive: true);

    /// <summary>A data-protection system on the data directory's key files, its keys wrapped as the app wraps them.</summary>
    private IDataProtector Ring(PersonalDataProtector keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton(keys);
        services.AddDataProtection().SetApplicationName("TalentHub").PersistKeysToFileSystem(new DirectoryInfo(_data.Keys));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(keys)));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Old);
        var person = new Person { Name = "退役" };
        var id = IdNumber.Create("330523", new DateOnly(1970, 5, 1), 12, Sex.Male);
        person.SetIdNumber(id, Old.Hash(id.Value));
        person.MoveTo("330523108204");
        db.People.Add(person);
        var user = new AppUser { UserName = "retire.staff", DisplayName = "退役", RegionCode = "330523000000" };
        db.Users.Add(user);
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "JBSWY3DPEHPK3PXP" });
        await db.SaveChangesAsync();
    }

    private Task VerifyAsync(TestDatabase database, PersonalDataProtector keys) =>
        new PersonalDataKeyGuard(database.NewContext(keys), keys, database.Clock, _data).VerifyAsync(record: true);

    [Fact]
    public async Task AuthenticatorSecrets_AreStoredEncrypted_AndTheClearOnesOfBeforeAreEncryptedByTheRotation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        await using (var db = database.NewContext(Old))
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") " +
                "SELECT \"Id\", '[AspNetUserStore]', 'RecoveryCodes', 'AAAAA-BBBBB;CCCCC-DDDDD' FROM \"AspNetUsers\"");

        var stored = await StoredTokensAsync(database);
        var rewritten = await new PersonalDataRotation(database.NewContext(Rotated), Rotated, _data).RunAsync();

        Assert.StartsWith("v1:", stored["AuthenticatorKey"]);
        Assert.Equal("AAAAA-BBBBB;CCCCC-DDDDD", stored["RecoveryCodes"]);
        Assert.Equal(3, rewritten); // the person's ID number and both tokens
        Assert.All((await StoredTokensAsync(database)).Values, v => Assert.StartsWith("v2:", v));
        await using var retired = database.NewContext(Retired);
        var tokens = await retired.UserTokens.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Value);
        Assert.Equal("JBSWY3DPEHPK3PXP", tokens["AuthenticatorKey"]);
        Assert.Equal("AAAAA-BBBBB;CCCCC-DDDDD", tokens["RecoveryCodes"]);
    }

    private static async Task<Dictionary<string, string>> StoredTokensAsync(TestDatabase database)
    {
        await using var db = database.NewContext(Old);
        return await db.Database.SqlQueryRaw<StoredToken>("SELECT \"Name\", \"Value\" FROM \"AspNetUserTokens\"")
            .ToDictionaryAsync(t => t.Name, t => t.Value);
    }

    private sealed record StoredToken(string Name, string Value);

    [Fact]
    public async Task TheKeyRing_IsRewrappedUnderTheNewKey_SoWhatItProtectedBeforeReadsWithoutTheOldKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        var protectedBefore = Ring(Old).Protect("a session cookie");
        var rotation = new PersonalDataRotation(database.NewContext(Rotated), Rotated, _data);

        var outdated = await rotation.CountOutdatedAsync();
        var rewrapped = await rotation.RunAsync();

        Assert.Equal(1, outdated);
        Assert.Equal(1, rewrapped);
        Assert.Equal(0, await rotation.CountOutdatedAsync());
        Assert.Contains("version=\"2\"", await File.ReadAllTextAsync(Directory.GetFiles(_data.Keys, "key-*.xml").Single()));
        Assert.Equal("a session cookie", Ring(Retired).Unprotect(protectedBefore));
        Assert.Equal(0, await rotation.RunAsync());
    }

    [Fact]
    public async Task RetiringTheOldKey_IsRefusedWhileAnythingUsesIt_AndAcceptedAfterTheRotation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await VerifyAsync(database, Old);
        await SeedAsync(database);
        Ring(Old).Protect("a session cookie");
        await VerifyAsync(database, Rotated);

        var refused = await Assert.ThrowsAsync<PersonalDataKeyStillInUseException>(() => VerifyAsync(database, Retired));
        await new PersonalDataRotation(database.NewContext(Rotated), Rotated, _data).RunAsync();
        await VerifyAsync(database, Retired);

        Assert.Equal(1, refused.Version);
        Assert.Contains("People: 1", refused.Uses);
        Assert.Contains("AspNetUserTokens: 1", refused.Uses);
        Assert.Contains("data-protection key ring: 1", refused.Uses);
        Assert.Contains("refuses to start", refused.Message);
        Assert.Contains("PersonalDataRotation", refused.Message);
        await using var db = database.NewContext(Retired);
        Assert.Equal("退役", (await db.People.AsNoTracking().SingleAsync()).Name);
        Assert.NotNull((await db.People.AsNoTracking().SingleAsync()).IdNumber);
    }

    [Fact]
    public void FromConfiguration_AnEmptyVersion1IsRetired_EmptySlotsAreLeftOut_AndAHashKeyAloneIsRefused()
    {
        var options = new TalentHubOptions.PersonalDataOptions
        {
            EncryptionKey = "",
            HashKey = Convert.ToBase64String(HashKey),
            EncryptionKeys = new() { ["2"] = Convert.ToBase64String(V2), ["3"] = "" },
        };

        var keys = PersonalDataProtector.Create(options, _data);
        var alone = Assert.Throws<InvalidOperationException>(() => PersonalDataProtector.Create(
            new TalentHubOptions.PersonalDataOptions { HashKey = Convert.ToBase64String(HashKey), EncryptionKey = "" }, _data));

        Assert.Equal([2], keys.Versions);
        Assert.Equal(2, keys.CurrentVersion);
        Assert.Equal("保密", keys.Decrypt(Retired.Encrypt("保密")));
        Assert.Contains("no encryption key", alone.Message);
        Assert.False(File.Exists(Path.Combine(_data.Keys, "personal-data.json")));
    }
}
