using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data.Cluster;

/// <summary>
/// Keeps nodes from diverging on personal-data keys (issue 15): the database records each key's fingerprint
/// on first use, and a node whose key of the same name differs, or that lacks the newest encryption version
/// another node recorded, is refused before it writes anything.
/// </summary>
public sealed class PersonalDataKeyGuard(TalentHubDbContext db, PersonalDataProtector protector, TimeProvider clock, DataDirectory? data = null)
{
    /// <summary>Throws <see cref="PersonalDataKeyMismatchException"/> on a mismatch; otherwise, when
    /// <paramref name="record"/>, records the fingerprints of keys the database does not know yet.</summary>
    public async Task VerifyAsync(bool record, CancellationToken ct = default)
    {
        var recorded = await db.KeyFingerprints.AsNoTracking().ToDictionaryAsync(k => k.Name, k => k.Fingerprint, ct);
        var mine = protector.Fingerprints();
        var problems = mine.Where(k => recorded.TryGetValue(k.Key, out var theirs) && theirs != k.Value)
            .Select(k => $"{k.Key}: this node {k.Value}, database {recorded[k.Key]}").ToList();
        var newest = recorded.Keys.Select(VersionOf).Max();
        if (newest is { } version && !protector.Versions.Contains(version))
            problems.Add($"encryption:v{version} is recorded by another node but not configured here");
        if (problems.Count > 0) throw new PersonalDataKeyMismatchException(problems);
        // An older version left out of the configuration is being retired: only once nothing uses it any more.
        var rotation = new PersonalDataRotation(db, protector, data);
        foreach (var retired in recorded.Keys.Select(VersionOf).OfType<int>().Where(v => !protector.Versions.Contains(v)).Order())
            if (await rotation.UsesOfAsync(retired, ct) is { Count: > 0 } uses)
                throw new PersonalDataKeyStillInUseException(retired, uses);
        if (!record) return;
        var now = clock.GetUtcNow();
        foreach (var (name, fingerprint) in mine.Where(k => !recorded.ContainsKey(k.Key)))
            db.KeyFingerprints.Add(new KeyFingerprint { Name = name, Fingerprint = fingerprint, RecordedAt = now });
        await db.SaveChangesAsync(ct);
    }

    private static int? VersionOf(string name) =>
        name.StartsWith("encryption:v", StringComparison.Ordinal) && int.TryParse(name["encryption:v".Length..], out var v) ? v : null;
}

/// <summary>This node's personal-data keys are not the cluster's: it must not start (nothing has been written).</summary>
public sealed class PersonalDataKeyMismatchException(IReadOnlyList<string> problems) : InvalidOperationException(
    "This node's personal-data keys do not match the keys this database was written with, so it refuses to start " +
    "and has written nothing. Configure TalentHub:PersonalData:EncryptionKey, HashKey and EncryptionKeys:N exactly as " +
    "on the other nodes (README \"Operations\"). " + string.Join("; ", problems) + ".")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// This node leaves out an encryption key version that stored values still use: it must not start, since it could
/// not read them (a 500 on every page showing one). Nothing has been written.
/// </summary>
public sealed class PersonalDataKeyStillInUseException(int version, IReadOnlyList<string> uses) : InvalidOperationException(
    $"This node does not configure personal-data encryption key version {version}, but values in the database are still " +
    $"encrypted with it ({string.Join(", ", uses)}), so it refuses to start and has written nothing. Keep " +
    $"TalentHub:PersonalData:{(version == 1 ? "EncryptionKey" : $"EncryptionKeys:{version}")} configured until the " +
    "PersonalDataRotation job (/Admin/Jobs) has run to completion on a node with both keys (README \"Rotating personal-data keys\"), then retire it.")
{
    public int Version { get; } = version;
    public IReadOnlyList<string> Uses { get; } = uses;
}
