using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The upload store of several nodes (PostgreSQL, issue 15): pending uploads are rows of <see cref="PendingUpload"/>,
/// encrypted with the shared key ring, so a confirm may reach any node. Each call uses its own context, so storing
/// an upload never saves the page's pending changes.
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
}
