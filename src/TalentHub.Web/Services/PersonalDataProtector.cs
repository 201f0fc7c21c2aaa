using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services;

/// <summary>
/// Encrypts personal identifiers (AES-GCM, random nonce) and computes the keyed hash (HMAC-SHA256)
/// used for exact lookups and duplicate checks, so the database never holds them in clear.
/// Encryption keys are versioned (issue 15): a value is stored as <c>v{N}:base64</c>, new values use
/// <see cref="CurrentVersion"/>, and every configured version still decrypts, so a rotation adds a key
/// and <c>PersonalDataRotationJob</c> re-encrypts old rows. The lookup (hash) key is one key: keyed hashes
/// are lookup tokens and farmer account names, so it is fingerprinted but not rotated.
/// </summary>
public sealed class PersonalDataProtector
{
    private readonly SortedDictionary<int, byte[]> _encryptionKeys;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey)
        : this(new Dictionary<int, byte[]> { [1] = encryptionKey }, hashKey)
    {
    }

    /// <param name="encryptionKeys">32-byte AES keys by version (1 = <c>TalentHub:PersonalData:EncryptionKey</c>).</param>
    /// <param name="hashKey">The 32-byte HMAC key of every keyed hash.</param>
    /// <param name="currentVersion">The version new values are written with; the highest when null.</param>
    public PersonalDataProtector(IReadOnlyDictionary<int, byte[]> encryptionKeys, byte[] hashKey, int? currentVersion = null)
    {
        if (encryptionKeys.Count == 0 || encryptionKeys.Values.Any(k => k.Length != 32) || hashKey.Length != 32)
            throw new ArgumentException("Personal-data keys must be 32 bytes.");
        _encryptionKeys = new SortedDictionary<int, byte[]>(encryptionKeys.ToDictionary());
        _hashKey = hashKey;
        _hashers = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _hashKey));
        CurrentVersion = currentVersion ?? _encryptionKeys.Keys.Max();
        if (!_encryptionKeys.ContainsKey(CurrentVersion))
            throw new ArgumentException($"TalentHub:PersonalData:CurrentVersion {CurrentVersion} names no configured key.");
        ModelKey = string.Join(',', Fingerprints().Select(f => f.Key + "=" + f.Value)) + ";current=" + CurrentVersion;
    }

    /// <summary>The key version new values are encrypted with.</summary>
    public int CurrentVersion { get; }

    /// <summary>Every encryption key version this node can decrypt.</summary>
    public IReadOnlyCollection<int> Versions => _encryptionKeys.Keys;

    /// <summary>Identifies the key set (fingerprints, never keys): the EF model, which holds the converter, is cached by it.</summary>
    public string ModelKey { get; }

    /// <summary>The stored prefix of values written with the current key, e.g. <c>v2:</c>.</summary>
    public string CurrentPrefix => PrefixOf(CurrentVersion);

    /// <summary>The prefix marking a stored value encrypted with key <paramref name="version"/>: <c>v{version}:</c>.</summary>
    public static string PrefixOf(int version) => "v" + version.ToString(CultureInfo.InvariantCulture) + ":";

    /// <summary>
    /// AES-256-GCM under the current key: <see cref="CurrentPrefix"/> + base64(12-byte random nonce, ciphertext, 16-byte tag).
    /// The same text encrypts differently each time, so look values up by <see cref="Hash"/>, never by ciphertext.
    /// </summary>
    public string Encrypt(string plain)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var buffer = new byte[12 + plainBytes.Length + 16];
        var nonce = buffer.AsSpan(0, 12);
        NextNonce(nonce);
        var aes = CipherFor(CurrentVersion, _encryptionKeys[CurrentVersion]);
        aes.Encrypt(nonce, plainBytes, buffer.AsSpan(12, plainBytes.Length), buffer.AsSpan(12 + plainBytes.Length));
        return CurrentPrefix + Convert.ToBase64String(buffer);
    }

    /// <summary>The clear text; a value without a version prefix (written before encryption) is returned as is.</summary>
    public string Decrypt(string stored)
    {
        if (VersionOf(stored) is not { } version) return stored;
        if (!_encryptionKeys.TryGetValue(version, out var key))
            throw new CryptographicException($"Personal-data key version {version} is not configured on this node.");
        var buffer = Convert.FromBase64String(stored[PrefixOf(version).Length..]);
        var plain = new byte[buffer.Length - 28];
        var aes = CipherFor(version, key);
        aes.Decrypt(buffer.AsSpan(0, 12), buffer.AsSpan(12, plain.Length), buffer.AsSpan(12 + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// One AES-GCM instance per key version and thread (an instance is not thread-safe), kept for the protector's life,
    /// for decrypting and encrypting alike (each encryption still draws its own random nonce). Issue 12: a list page
    /// decrypts two values per row, and creating the cipher (key import) for each was most of <see cref="Decrypt"/>'s
    /// cost in dotnet-trace of <c>/People</c>; an import encrypts two values per row, and creating the cipher was ~60 %
    /// of <see cref="Encrypt"/> in dotnet-trace of a 100,000-row confirm (imp8a).
    /// </summary>
    private readonly ThreadLocal<Dictionary<int, AesGcm>> _ciphers = new(() => []);

    /// <summary>Nonces drawn from the system's random generator 256 at a time, one pool per thread (issue 12, imp8a).</summary>
    private sealed class NoncePool
    {
        public readonly byte[] Bytes = new byte[NonceBytes * 256];
        public int Next = NonceBytes * 256;
    }

    private const int NonceBytes = 12;

    [ThreadStatic] private static NoncePool? t_nonces;

    /// <summary>
    /// Fills <paramref name="nonce"/> (12 bytes) with fresh random bytes, each pool byte handed out once: one call into the
    /// system's generator per 256 nonces instead of per value (the per-call cost was ~3 % of a 100,000-row confirm).
    /// </summary>
    private static void NextNonce(Span<byte> nonce)
    {
        var pool = t_nonces ??= new NoncePool();
        if (pool.Next == pool.Bytes.Length)
        {
            RandomNumberGenerator.Fill(pool.Bytes);
            pool.Next = 0;
        }
        var taken = pool.Bytes.AsSpan(pool.Next, NonceBytes);
        taken.CopyTo(nonce);
        taken.Clear();
        pool.Next += NonceBytes;
    }

    private AesGcm CipherFor(int version, byte[] key)
    {
        var mine = _ciphers.Value!;
        if (!mine.TryGetValue(version, out var aes)) mine[version] = aes = new AesGcm(key, 16);
        return aes;
    }

    /// <summary>The key version of a stored value (<c>v{N}:</c>), or null when it carries none.</summary>
    public static int? VersionOf(string stored)
    {
        if (stored.Length < 3 || stored[0] != 'v') return null;
        var colon = stored.IndexOf(':', 1);
        return colon > 1 && int.TryParse(stored.AsSpan(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>A 32-byte key for another purpose (HKDF-SHA256 from the current encryption key), e.g. the key ring's key-encryption key.</summary>
    public byte[] DeriveKey(string purpose) => DeriveKey(purpose, CurrentVersion);

    /// <summary>As <see cref="DeriveKey(string)"/>, from the given key version (to read what an older key protected).</summary>
    public byte[] DeriveKey(string purpose, int version) => _encryptionKeys.TryGetValue(version, out var key)
        ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: Encoding.UTF8.GetBytes(purpose))
        : throw new CryptographicException($"Personal-data key version {version} is not configured on this node.");

    /// <summary>
    /// The keyed hash (HMAC-SHA256 under the hash key) of <paramref name="normalized"/>'s UTF-8 bytes, as 64 lower-case
    /// hex characters. Thread-safe: each thread keeps its own MAC (<see cref="_hashers"/>).
    /// </summary>
    public string Hash(string normalized)
    {
        var mac = _hashers.Value!;
        Span<byte> digest = stackalloc byte[HMACSHA256.HashSizeInBytes];
        mac.AppendData(Encoding.UTF8.GetBytes(normalized));
        mac.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// One HMAC-SHA256 under the hash key per thread (an <see cref="IncrementalHash"/> is not thread-safe), reset after
    /// every value and kept for the protector's life. Issue 12: the one-shot <c>HMACSHA256.HashData</c> set the MAC up
    /// with the key for every value; an import hashes each row's ID number and mobile, and 200,000 such hashes took
    /// ~232 ms one-shot against ~98 ms through a kept MAC (same process, best of 5; dotnet-trace of a 100,000-row
    /// validation had hashing at ~16 %).
    /// </summary>
    private readonly ThreadLocal<IncrementalHash> _hashers;

    /// <summary>
    /// One fingerprint per key (<c>hash</c>, <c>encryption:v1</c>, …): HMAC-SHA256 of a fixed label under the key,
    /// first 16 bytes in hex. It identifies a key without revealing it; the database records them on first use.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fingerprints()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["hash"] = Fingerprint(_hashKey) };
        foreach (var (version, key) in _encryptionKeys) result["encryption:v" + version.ToString(CultureInfo.InvariantCulture)] = Fingerprint(key);
        return result;
    }

    private static string Fingerprint(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "TalentHub.KeyFingerprint"u8)[..16]);

    /// <summary>
    /// Keys from configuration (<c>EncryptionKey</c> is version 1, <c>EncryptionKeys:{N}</c> further versions; empty
    /// ones are left out, so version 1 is retired by emptying it),
    /// else from (or newly into) keys/personal-data.json in the data directory (single node only: a second
    /// node would generate other keys and be refused at start by <c>PersonalDataKeyGuard</c>).
    /// </summary>
    public static PersonalDataProtector Create(TalentHubOptions.PersonalDataOptions options, DataDirectory data)
    {
        // Empty settings are slots left unfilled (deploy/compose.yaml) or a retired version 1.
        var configured = options.EncryptionKeys.Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .ToDictionary(k => int.Parse(k.Key, NumberStyles.None, CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value));
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey)) configured[1] = Convert.FromBase64String(options.EncryptionKey);
        if (!string.IsNullOrWhiteSpace(options.HashKey))
        {
            if (configured.Count == 0)
                throw new InvalidOperationException("TalentHub:PersonalData:HashKey is configured but no encryption key is: set " +
                    "TalentHub:PersonalData:EncryptionKey (or, after a rotation, EncryptionKeys:N) as on the other nodes.");
            return new PersonalDataProtector(configured, Convert.FromBase64String(options.HashKey), options.CurrentVersion);
        }

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
        var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllText(path))!;
        return new PersonalDataProtector(Convert.FromBase64String(stored.EncryptionKey), Convert.FromBase64String(stored.HashKey));
    }

    private sealed record StoredKeys(string EncryptionKey, string HashKey);
}
