using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services;

/// <summary>
/// Encrypts personal identifiers (AES-GCM, random nonce) and computes the keyed hash (HMAC-SHA256)
/// used for exact lookups and duplicate checks, so the database never holds them in clear.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Prefix = "v1:";
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length != 32 || hashKey.Length != 32)
            throw new ArgumentException("Personal-data keys must be 32 bytes.");
        _encryptionKey = encryptionKey;
        _hashKey = hashKey;
    }

    public string Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var buffer = new byte[12 + plainBytes.Length + 16];
        var nonce = buffer.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, plainBytes, buffer.AsSpan(12, plainBytes.Length), buffer.AsSpan(12 + plainBytes.Length));
        return Prefix + Convert.ToBase64String(buffer);
    }

    public string Decrypt(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        var buffer = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[buffer.Length - 28];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(buffer.AsSpan(0, 12), buffer.AsSpan(12, plain.Length), buffer.AsSpan(12 + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A 32-byte key for another purpose (HKDF-SHA256 from the encryption key), e.g. the key ring's key-encryption key.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _encryptionKey, 32, info: Encoding.UTF8.GetBytes(purpose));

    public string Hash(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));

    /// <summary>Keys from configuration, else from (or newly into) keys/personal-data.json in the data directory.</summary>
    public static PersonalDataProtector Create(TalentHubOptions.PersonalDataOptions options, DataDirectory data)
    {
        if (options.EncryptionKey is { } enc && options.HashKey is { } hash)
            return new PersonalDataProtector(Convert.FromBase64String(enc), Convert.FromBase64String(hash));

        var path = Path.Combine(data.Keys, "personal-data.json");
        if (!File.Exists(path))
        {
            var generated = new StoredKeys(
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            File.WriteAllText(path, JsonSerializer.Serialize(generated));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var keys = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path))!;
        return new PersonalDataProtector(Convert.FromBase64String(keys.EncryptionKey), Convert.FromBase64String(keys.HashKey));
    }

    private sealed record StoredKeys(string EncryptionKey, string HashKey);
}
