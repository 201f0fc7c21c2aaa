using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The upload store of several nodes (PostgreSQL, issue 15): pending uploads are rows of <see cref="PendingUpload"/>,
/// encrypted with the shared key ring, so a confirm may reach any node. Each call uses its own context, so storing
/// an upload never saves the page's pending changes. A confirm claims its row by rewriting <c>Kind</c> (one conditional
/// UPDATE: one winner across nodes) to <c>claimed:{kind}</c>, then <c>confirmed:{kind}</c> with the content dropped.
/// </summary>
public sealed class DatabaseUploadStore(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock, ILogger<DatabaseUploadStore> log) : IUploadStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("TalentHub.Import.Upload");

    public string Save(byte[] bytes, string fileName, string userId, string kind)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var now = clock.GetUtcNow();
        var expired = now - IUploadStore.Lifetime;
        db.PendingUploads.Where(u => u.UploadedAt < expired).ExecuteDelete();
        var token = Guid.NewGuid().ToString("N");
        db.PendingUploads.Add(new PendingUpload
        {
            Token = token, UserId = userId, Kind = kind, FileName = fileName, UploadedAt = now, Content = _protector.Protect(bytes),
        });
        db.SaveChanges();
        return token;
    }

    public StoredUpload? Load(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var upload = db.PendingUploads.AsNoTracking().FirstOrDefault(u => u.Token == token && u.UserId == userId && u.Kind == kind);
        if (upload is null || clock.GetUtcNow() - upload.UploadedAt > IUploadStore.Lifetime) return null;
        try
        {
            return new StoredUpload(_protector.Unprotect(upload.Content), upload.FileName);
        }
        catch (CryptographicException ex)
        {
            log.LogWarning(ex, "A stored upload could not be decrypted");
            return null;
        }
    }

    public void Delete(string? token)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return;
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads.Where(u => u.Token == token).ExecuteDelete();
    }

    public bool TryClaim(string? token, string userId, string kind) => Move(token, userId, kind, Claimed(kind)) == 1;

    public void Release(string? token, string userId, string kind) => Move(token, userId, Claimed(kind), kind);

    public void MarkConfirmed(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return;
        using var scope = scopes.CreateScope();
        var confirmed = Confirmed(kind);
        var claimed = Claimed(kind);
        scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads
            .Where(u => u.Token == token && u.UserId == userId && u.Kind == claimed)
            .ExecuteUpdate(s => s.SetProperty(u => u.Kind, confirmed).SetProperty(u => u.Content, Array.Empty<byte>()));
    }

    public bool IsConfirmed(string? token, string userId, string kind)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return false;
        using var scope = scopes.CreateScope();
        var (claimed, confirmed) = (Claimed(kind), Confirmed(kind));
        var since = clock.GetUtcNow() - IUploadStore.Lifetime;
        return scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads.Any(u => u.Token == token
            && u.UserId == userId && (u.Kind == claimed || u.Kind == confirmed) && u.UploadedAt >= since);
    }

    private int Move(string? token, string userId, string from, string to)
    {
        if (!Guid.TryParseExact(token, "N", out _)) return 0;
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().PendingUploads
            .Where(u => u.Token == token && u.UserId == userId && u.Kind == from).ExecuteUpdate(s => s.SetProperty(u => u.Kind, to));
    }

    private static string Claimed(string kind) => "claimed:" + kind;

    private static string Confirmed(string kind) => "confirmed:" + kind;
}
