using System.Security.Cryptography;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

/// <summary>Versioned personal-data keys (issue 15): the stored prefix names the key that wrote a value.</summary>
public sealed class PersonalDataKeyVersionTests
{
    private static readonly byte[] V1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] V2 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);

    private static PersonalDataProtector Node(int? current, params (int Version, byte[] Key)[] keys) =>
        new(keys.ToDictionary(k => k.Version, k => k.Key), HashKey, current);

    [Fact]
    public void NewValues_UseTheCurrentVersion_AndEveryConfiguredVersionStillDecrypts()
    {
        var old = new PersonalDataProtector(V1, HashKey).Encrypt("33052319600822657X");
        var rotated = Node(null, (1, V1), (2, V2));

        var fresh = rotated.Encrypt("13800000001");

        Assert.StartsWith("v1:", old);
        Assert.StartsWith("v2:", fresh);
        Assert.Equal("33052319600822657X", rotated.Decrypt(old));
        Assert.Equal("13800000001", rotated.Decrypt(fresh));
    }

    [Fact]
    public void AStagedKey_IsNotUsedForWriting_UntilItIsMadeCurrent()
    {
        var staged = Node(1, (1, V1), (2, V2));

        Assert.StartsWith("v1:", staged.Encrypt("x"));
        Assert.Equal("x", staged.Decrypt(Node(2, (1, V1), (2, V2)).Encrypt("x")));
    }

    [Fact]
    public void AValueUnderAVersionThisNodeLacks_FailsNamingTheVersion()
    {
        var stored = Node(null, (1, V1), (2, V2)).Encrypt("x");

        var error = Assert.ThrowsAny<CryptographicException>(() => new PersonalDataProtector(V1, HashKey).Decrypt(stored));

        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void ACurrentVersionWithoutAKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Node(3, (1, V1), (2, V2)));

    [Fact]
    public void TheLookupHash_DoesNotChangeWithARotation() =>
        Assert.Equal(new PersonalDataProtector(V1, HashKey).Hash("13800000001"), Node(null, (1, V1), (2, V2)).Hash("13800000001"));

    [Fact]
    public void Fingerprints_NameEachKey_DifferPerKey_AndRevealNone()
    {
        var fingerprints = Node(null, (1, V1), (2, V2)).Fingerprints();

        Assert.Equal(["encryption:v1", "encryption:v2", "hash"], fingerprints.Keys);
        Assert.Equal(3, fingerprints.Values.Distinct().Count());
        Assert.DoesNotContain(fingerprints.Values, f => f.Contains(Convert.ToHexStringLower(V1)[..8], StringComparison.Ordinal));
        Assert.Equal(fingerprints["encryption:v1"], new PersonalDataProtector(V1, HashKey).Fingerprints()["encryption:v1"]);
    }

    [Theory]
    [InlineData("v1:abc", 1)]
    [InlineData("v12:abc", 12)]
    [InlineData("33052319600822657X", null)]
    [InlineData("v:abc", null)]
    [InlineData("vx:abc", null)]
    public void VersionOf_ReadsTheStoredPrefix(string stored, int? version) =>
        Assert.Equal(version, PersonalDataProtector.VersionOf(stored));
}
