using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Infrastructure.Security;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class KeyRingProtectionTests
{
    private static PersonalDataProtector Keys() => new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void EncryptedKey_HidesTheSecret_AndDecryptsWithTheSameKey()
    {
        var keys = Keys();
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));

        var encrypted = new AesGcmXmlEncryptor(keys).Encrypt(secret);
        var services = new ServiceCollection().AddSingleton(keys).BuildServiceProvider();

        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString());
        Assert.Equal(typeof(AesGcmXmlDecryptor), encrypted.DecryptorType);
        Assert.Equal(secret.ToString(), new AesGcmXmlDecryptor(services).Decrypt(encrypted.EncryptedElement).ToString());
    }

    [Fact]
    public void EncryptedKey_WithAnotherKey_CannotBeRead()
    {
        var encrypted = new AesGcmXmlEncryptor(Keys()).Encrypt(new XElement("masterKey", "x"));
        var other = new ServiceCollection().AddSingleton(Keys()).BuildServiceProvider();

        Assert.ThrowsAny<CryptographicException>(() => new AesGcmXmlDecryptor(other).Decrypt(encrypted.EncryptedElement));
    }
}
