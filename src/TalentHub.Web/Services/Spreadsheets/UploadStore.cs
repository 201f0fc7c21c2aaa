using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Keeps an uploaded file between "validate" and "confirm": encrypted with the data-protection key ring
/// (it holds ID numbers) in <c>{data}/uploads/{guid}</c>, with a JSON sidecar naming the user who
/// uploaded it. Only the guid travels in the form. Files expire after <see cref="IUploadStore.Lifetime"/>. A confirm
/// claims the file by renaming it to <c>{guid}.claimed</c> (atomic: one winner); a confirmed one leaves an empty
/// <c>{guid}.confirmed</c> marker beside its sidecar until it expires.
/// The single-node (SQLite) store; on PostgreSQL <see cref="DatabaseUploadStore"/> serves every node. A claim is held in
/// this process's memory as well: a <c>.claimed</c> file no running confirm holds was left by a killed process
/// (<see cref="UploadState.Interrupted"/>; the one SQLite node discards every pending batch when it starts again).
/// </summary>
public sealed class UploadStore(DataDirectory data, IDataProtectionProvider protection, TimeProvider clock, ILogger<UploadStore> log) : IUploadStore
{
    public static readonly TimeSpan Lifetime = IUploadStore.Lifetime;

    private sealed record Sidecar(string UserId, string Kind, string FileName, DateTimeOffset UploadedAt);

    private readonly IDataProtector _protector = protection.CreateProtector("TalentHub.Import.Upload");

    private string Folder => Directory.CreateDirectory(Path.Combine(data.Root, "uploads")).FullName;

    /// <inheritdoc/>
    public string Save(byte[] bytes, string fileName, string userId, string kind)
    {
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(PathOf(token), _protector.Protect(bytes));
        File.WriteAllText(PathOf(token) + ".json", JsonSerializer.Serialize(new Sidecar(userId, kind, fileName, clock.GetUtcNow())));
        return token;
    }

    /// <summary>The file, when the token is well-formed, not expired and was uploaded by this user for this kind.</summary>
    public StoredUpload? Load(string? token, string userId, string kind)
    {
        if (!IsToken(token) || !File.Exists(PathOf(token!) + ".json") || !File.Exists(PathOf(token!))) return null;
        var sidecar = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(PathOf(token!) + ".json"));
        if (sidecar is null || sidecar.UserId != userId || sidecar.Kind != kind) return null;
        if (clock.GetUtcNow() - sidecar.UploadedAt > Lifetime)
        {
            Delete(token);
            return null;
        }
        try
        {
            return new StoredUpload(_protector.Unprotect(File.ReadAllBytes(PathOf(token!))), sidecar.FileName);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // Lost or rotated data-protection keys look like an expired upload to the user; tell the operator.
            log.LogWarning(ex, "A stored upload could not be decrypted");
            return null;
        }
        catch (FileNotFoundException)
        {
            // Claimed by a confirm in another tab between the check above and the read: StateOf tells which.
            return null;
        }
    }

    /// <inheritdoc/>
    public void Delete(string? token)
    {
        if (!IsToken(token)) return;
        File.Delete(PathOf(token!));
        File.Delete(PathOf(token!) + ClaimedSuffix);
        File.Delete(PathOf(token!) + ConfirmedSuffix);
        File.Delete(PathOf(token!) + ".json");
    }

    /// <summary>The uploads claimed by confirms running in this process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Held = new();

    private const string ClaimedSuffix = ".claimed";
    private const string ConfirmedSuffix = ".confirmed";

    /// <inheritdoc/>
    public bool TryClaim(string? token, string userId, string kind)
    {
        if (!Owns(token, userId, kind)) return false;
        try
        {
            // Moved and held as one step for StateOf (one process: a lock suffices).
            lock (Held)
            {
                File.Move(PathOf(token!), PathOf(token!) + ClaimedSuffix);
                Held[token!] = 0;
            }
            return true;
        }
        catch (IOException)
        {
            // Another confirm took it first (or it was removed).
            return false;
        }
    }

    /// <inheritdoc/>
    public void Release(string? token, string userId, string kind)
    {
        if (!Owns(token, userId, kind)) return;
        try { File.Move(PathOf(token!) + ClaimedSuffix, PathOf(token!)); }
        catch (IOException ex) { log.LogWarning(ex, "A claimed upload could not be given back"); }
        finally { Held.TryRemove(token!, out _); }
    }

    /// <inheritdoc/>
    public void MarkConfirmed(string? token, string userId, string kind)
    {
        if (!Owns(token, userId, kind)) return;
        File.WriteAllBytes(PathOf(token!) + ConfirmedSuffix, []);
        File.Delete(PathOf(token!) + ClaimedSuffix);
        Held.TryRemove(token!, out _);
    }

    /// <inheritdoc/>
    public UploadState StateOf(string? token, string userId, string kind)
    {
        if (!Owns(token, userId, kind)) return UploadState.Missing;
        if (File.Exists(PathOf(token!) + ConfirmedSuffix)) return UploadState.Confirmed;
        lock (Held)
            if (File.Exists(PathOf(token!) + ClaimedSuffix)) return Held.ContainsKey(token!) ? UploadState.Confirming : UploadState.Interrupted;
        return File.Exists(PathOf(token!)) ? UploadState.Open : UploadState.Missing;
    }

    /// <summary>Whether the token's sidecar names this user and kind and has not expired.</summary>
    private bool Owns(string? token, string userId, string kind)
    {
        if (!IsToken(token)) return false;
        try
        {
            var sidecar = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(PathOf(token!) + ".json"));
            return sidecar is not null && sidecar.UserId == userId && sidecar.Kind == kind && clock.GetUtcNow() - sidecar.UploadedAt <= Lifetime;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return false;
        }
    }

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                var sidecar = JsonSerializer.Deserialize<Sidecar>(File.ReadAllText(path));
                if (sidecar is null || now - sidecar.UploadedAt > Lifetime) Delete(Path.GetFileNameWithoutExtension(path));
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
                // Being written or removed by another request; the next upload tries again.
            }
        }
    }

    /// <summary>Only our own 32-hex-digit names, so a token can never point outside the folder.</summary>
    private static bool IsToken(string? token) => Guid.TryParseExact(token, "N", out _);

    private string PathOf(string token) => Path.Combine(Folder, token);
}
