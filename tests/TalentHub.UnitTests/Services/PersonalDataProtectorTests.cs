using System.Security.Cryptography;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

public sealed class PersonalDataProtectorTests
{
    private static readonly PersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Encrypt_ThenDecrypt_GivesBackTheText()
    {
        var stored = Protector.Encrypt("33052319600822657X");

        Assert.DoesNotContain("33052319600822657X", stored);
        Assert.Equal("33052319600822657X", Protector.Decrypt(stored));
    }

    [Fact]
    public void Encrypt_TwiceTheSameText_GivesDifferentCiphertexts() =>
        Assert.NotEqual(Protector.Encrypt("13800000001"), Protector.Encrypt("13800000001"));

    [Fact]
    public void Hash_IsStableAndKeyed()
    {
        var other = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

        Assert.Equal(Protector.Hash("13800000001"), Protector.Hash("13800000001"));
        Assert.NotEqual(Protector.Hash("13800000001"), other.Hash("13800000001"));
    }

    [Fact]
    public void Decrypt_WithTheWrongKey_Throws()
    {
        var other = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(Protector.Encrypt("secret")));
    }
}
