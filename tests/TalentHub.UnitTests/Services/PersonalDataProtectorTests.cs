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

    /// <summary>
    /// Issue 12: each thread keeps one MAC and resets it after every value; every hash must still be the plain
    /// HMAC-SHA256 of that one value (what the database holds), however many values came before it on that thread,
    /// whatever their length, and whichever thread computes it.
    /// </summary>
    [Fact]
    public void Hash_IsTheHmacOfEachValueAlone_OnEveryThread_WhateverCameBefore()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), key);
        string[] values = ["33052319600822657X", "13800000001", "", "张三", new string('9', 300), "33052319600822657X"];
        string Expected(string v) => Convert.ToHexStringLower(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(v)));

        var results = new string[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            t => results[t] = Enumerable.Range(0, 200).Select(i => protector.Hash(values[(i + t) % values.Length])).ToArray());

        for (var t = 0; t < results.Length; t++)
            for (var i = 0; i < 200; i++)
                Assert.Equal(Expected(values[(i + t) % values.Length]), results[t][i]);
    }

    [Fact]
    public void Decrypt_WithTheWrongKey_Throws()
    {
        var other = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(Protector.Encrypt("secret")));
    }

    /// <summary>Issue 12: decryptors are kept per key version and thread; every thread still reads every version.</summary>
    [Fact]
    public async Task Decrypt_OnManyThreads_ReadsValuesOfEveryKeyVersion()
    {
        var keys = new Dictionary<int, byte[]> { [1] = RandomNumberGenerator.GetBytes(32), [2] = RandomNumberGenerator.GetBytes(32) };
        var hashKey = RandomNumberGenerator.GetBytes(32);
        var old = new PersonalDataProtector(keys, hashKey, currentVersion: 1);
        var current = new PersonalDataProtector(keys, hashKey, currentVersion: 2);
        var stored = Enumerable.Range(0, 200).Select(i => (Plain: $"1380000{i:D4}", Stored: (i % 2 == 0 ? old : current).Encrypt($"1380000{i:D4}"))).ToList();
        Assert.Contains(stored, s => s.Stored.StartsWith("v1:", StringComparison.Ordinal));
        Assert.Contains(stored, s => s.Stored.StartsWith("v2:", StringComparison.Ordinal));

        var read = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => stored.Select(s => current.Decrypt(s.Stored)).ToList())));

        Assert.All(read, list => Assert.Equal(stored.Select(s => s.Plain), list));
    }

    [Fact]
    public void Decrypt_AfterATamperedValueFailed_StillReadsTheNextOne()
    {
        var good = Protector.Encrypt("13800000001");
        var bytes = Convert.FromBase64String(good[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Protector.Decrypt("v1:" + Convert.ToBase64String(bytes)));
        Assert.Equal("13800000001", Protector.Decrypt(good));
    }

    /// <summary>
    /// Issue 12 (imp8a): encryption reuses the thread's cipher (one per key version) instead of importing the key each time;
    /// nonces come from a per-thread pool refilled every 256 values. Interleaved with decryption on many threads (600 values
    /// each, so every pool is refilled), every value still gets its own nonce and reads back.
    /// </summary>
    [Fact]
    public async Task Encrypt_InterleavedWithDecrypt_OnManyThreads_GivesFreshNoncesThatReadBack()
    {
        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() => Enumerable.Range(0, 600).Select(i =>
        {
            var plain = $"13{t}{i:D8}";
            var stored = Protector.Encrypt(plain);
            Assert.Equal(plain, Protector.Decrypt(stored));
            return (Plain: plain, Stored: stored);
        }).ToList())));

        var all = written.SelectMany(w => w).ToList();
        Assert.Equal(all.Count, all.Select(w => Convert.FromBase64String(w.Stored[3..])[..12]).Select(Convert.ToHexString).Distinct().Count());
        Assert.All(all, w => Assert.Equal(w.Plain, Protector.Decrypt(w.Stored)));
    }
}
