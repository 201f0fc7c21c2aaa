using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// The data-protection key ring (which signs auth cookies and antiforgery tokens) is never written in
/// clear. With <c>TalentHub:DataProtection:CertificatePath</c> (a PFX, password in
/// <c>TalentHub:DataProtection:CertificatePassword</c>) each key is encrypted to that certificate;
/// otherwise with AES-256-GCM under a key derived (HKDF-SHA256) from the personal-data encryption key,
/// which production takes from configuration (README "Production"), so a copy of the data directory or
/// a backup alone cannot forge a session.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration["TalentHub:DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["TalentHub:DataProtection:CertificatePassword"],
                X509KeyStorageFlags.EphemeralKeySet);
            return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<KeyManagementOptions>>(sp =>
            new Microsoft.Extensions.Options.ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlEncryptor = new AesGcmXmlEncryptor(sp.GetRequiredService<PersonalDataProtector>())));
        return builder;
    }
}

/// <summary>Encrypts a key element with AES-256-GCM (random 12-byte nonce, 16-byte tag) under the key-ring key.</summary>
public sealed class AesGcmXmlEncryptor(PersonalDataProtector keys) : IXmlEncryptor
{
    internal const string Purpose = "TalentHub.DataProtection.KeyRing.v1";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var buffer = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, 12));
        using var aes = new AesGcm(keys.DeriveKey(Purpose), 16);
        aes.Encrypt(buffer.AsSpan(0, 12), plain, buffer.AsSpan(12, plain.Length), buffer.AsSpan(12 + plain.Length));
        // The personal-data key version it is derived from, so a rotation leaves older keys of the ring readable.
        var element = new XElement("encryptedKey", new XAttribute("version", keys.CurrentVersion),
            new XComment(" AES-256-GCM under a key derived from TalentHub:PersonalData:EncryptionKey "),
            new XElement("value", Convert.ToBase64String(buffer)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Reverses <see cref="AesGcmXmlEncryptor"/>; created by the key manager with the app's services.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        Decrypt(encryptedElement, services.GetRequiredService<PersonalDataProtector>());

    /// <summary>The key element inside <paramref name="encryptedElement"/> (an <c>encryptedKey</c>), with the key version it names (1 when absent).</summary>
    public static XElement Decrypt(XElement encryptedElement, PersonalDataProtector keys)
    {
        var buffer = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? throw new CryptographicException("No value in the encrypted key."));
        var plain = new byte[buffer.Length - 28];
        using var aes = new AesGcm(keys.DeriveKey(AesGcmXmlEncryptor.Purpose, VersionOf(encryptedElement)), 16);
        aes.Decrypt(buffer.AsSpan(0, 12), buffer.AsSpan(12, plain.Length), buffer.AsSpan(12 + plain.Length), plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }

    /// <summary>The personal-data key version an <c>encryptedKey</c> element was written under (1 before versions were recorded).</summary>
    public static int VersionOf(XElement encryptedElement) => (int?)encryptedElement.Attribute("version") ?? 1;
}

/// <summary>
/// Re-encrypts the data-protection keys of the ring that <see cref="AesGcmXmlEncryptor"/> wrapped under an older
/// personal-data key version (issue 15): the ring's keys themselves stay the same (cookies and tokens stay valid),
/// only their wrapping moves to the current version, so the older version can be retired.
/// </summary>
public static class KeyRingRewrap
{
    private const string Decryptor = nameof(AesGcmXmlDecryptor);

    /// <summary>The versions of the <c>encryptedKey</c> elements this app wrote in one stored key's XML.</summary>
    public static IEnumerable<int> Versions(string xml) => Wrapped(XElement.Parse(xml)).Select(AesGcmXmlDecryptor.VersionOf);

    /// <summary>The key's XML with every wrapping under another version than the current one redone; null when nothing changes.</summary>
    public static string? Rewrap(string xml, PersonalDataProtector keys)
    {
        var root = XElement.Parse(xml);
        var outdated = Wrapped(root).Where(e => AesGcmXmlDecryptor.VersionOf(e) != keys.CurrentVersion).ToList();
        if (outdated.Count == 0) return null;
        var encryptor = new AesGcmXmlEncryptor(keys);
        foreach (var element in outdated)
            element.ReplaceWith(encryptor.Encrypt(AesGcmXmlDecryptor.Decrypt(element, keys)).EncryptedElement);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary><c>encryptedKey</c> elements under an <c>encryptedSecret</c> whose decryptor is <see cref="AesGcmXmlDecryptor"/>.</summary>
    private static IEnumerable<XElement> Wrapped(XElement root) =>
        root.Descendants().Where(e => e.Name.LocalName == "encryptedSecret"
                && ((string?)e.Attribute("decryptorType"))?.Contains(Decryptor, StringComparison.Ordinal) == true)
            .SelectMany(e => e.Elements().Where(k => k.Name.LocalName == "encryptedKey"));
}
