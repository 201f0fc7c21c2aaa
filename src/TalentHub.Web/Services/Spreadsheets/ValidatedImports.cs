using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Keeps the validated rows of a preview on this node so the confirm that follows need not read and validate the same
/// file again (issue 12: that was ~40 % of a confirm). An entry is used only by the same user, kind of import and county
/// scope, and only when the stored upload's SHA-256 equals the hash of the bytes that were validated — so the confirm
/// writes what the clerk was shown. It is taken (removed) by the confirm that uses it, so a failed confirm re-validates
/// the file from scratch. What can change between the two steps is checked again: before writing, the importer's
/// <see cref="IImporter.StillValidAsync"/> (an entity's legal representative moved out of the county: validate afresh),
/// and while writing, each chunk skips the ID numbers registered (or held by another pending import) meanwhile. Rows the preview listed as already registered
/// stay skipped, as the preview said. Entries live <see cref="Lifetime"/> and at most <see cref="MaxRows"/> validated rows
/// are kept across all users (older entries are dropped first); a miss (another node, expired, evicted) falls back to
/// reading and validating the file, as before. Lifetimes run on the injected <see cref="TimeProvider"/> (the app's clock).
/// </summary>
public sealed class ValidatedImports(TimeProvider clock) : IDisposable
{
    /// <summary>How long a preview's rows wait for their confirm (minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Validated rows kept at most, all entries together (each row is about 1 KB of objects): one file of the largest
    /// size an import takes (<see cref="ImportOptions.MaxRows"/>, 100,000), ~100 MB at worst (was 200,000, issue 12,
    /// perf5b). A preview evicted by a newer one is read and validated again by its confirm, as on another node.
    /// </summary>
    public const int MaxRows = 100_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxRows, Clock = new CacheClock(clock) });

    private sealed class CacheClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }

    private sealed record Entry(string UserId, string Kind, string? County, byte[] Sha256, ImportReport Report);

    /// <summary>Remembers the preview of <paramref name="bytes"/> under its upload <paramref name="token"/>.</summary>
    public void Keep(string token, string userId, string kind, string? county, byte[] bytes, ImportReport report) =>
        cache.Set(token, new Entry(userId, kind, county, SHA256.HashData(bytes), report), new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, report.TotalRows),
            AbsoluteExpirationRelativeToNow = Lifetime,
        });

    /// <summary>
    /// The preview's report for this token when it was made by the same user, kind and county from exactly these
    /// <paramref name="bytes"/>. The owner's confirm removes it either way, so it serves at most one confirm; another
    /// user's, kind's or county's attempt gets nothing and leaves it for its owner.
    /// </summary>
    public ImportReport? Take(string? token, string userId, string kind, string? county, byte[] bytes)
    {
        if (token is null || !cache.TryGetValue(token, out Entry? entry) || entry is null) return null;
        if (entry.UserId != userId || entry.Kind != kind || entry.County != county) return null;
        cache.Remove(token);
        return CryptographicOperations.FixedTimeEquals(entry.Sha256, SHA256.HashData(bytes)) ? entry.Report : null;
    }

    /// <summary>Drops the preview kept under a token (the upload was deleted).</summary>
    public void Forget(string? token)
    {
        if (token is not null) cache.Remove(token);
    }

    public void Dispose() => cache.Dispose();
}
