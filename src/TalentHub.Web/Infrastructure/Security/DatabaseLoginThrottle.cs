using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// The throttle of <see cref="MemoryLoginThrottle"/> with its counts in the database (<see cref="LoginFailure"/>),
/// so failures made through one node slow the next attempt on any node (issue 15). Used on PostgreSQL.
/// Each count is one conditional UPDATE (or an INSERT when the account has none), so concurrent failures on
/// two nodes both count. The account is stored as a keyed hash: what was typed may be a mobile number.
/// </summary>
public sealed class DatabaseLoginThrottle(
    IServiceScopeFactory scopes, PersonalDataProtector protector, IOptions<LoginThrottleOptions> options, TimeProvider clock) : ILoginThrottle
{
    /// <inheritdoc/>
    public async ValueTask<TimeSpan> WaitAsync(string account, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = Key(account);
        var failure = await Db(scope).LoginFailures.AsNoTracking().FirstOrDefaultAsync(f => f.Account == key, ct);
        var now = clock.GetUtcNow();
        if (failure is null || now - failure.LastAt > options.Value.ForgetAfter) return TimeSpan.Zero;
        var wait = failure.LastAt + MemoryLoginThrottle.DelayAfter(failure.Count, options.Value) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <inheritdoc/>
    public async ValueTask FailedAsync(string account, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var key = Key(account);
        var now = clock.GetUtcNow();
        var recent = now - options.Value.ForgetAfter;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // A recent count goes up by one; a forgotten one starts again at one; none is inserted.
            if (await db.LoginFailures.Where(f => f.Account == key && f.LastAt >= recent)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastAt, now), ct) > 0
                || await db.LoginFailures.Where(f => f.Account == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 1).SetProperty(f => f.LastAt, now), ct) > 0)
                break;
            db.LoginFailures.Add(new LoginFailure { Account = key, Count = 1, LastAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another node inserted it first: count on its row.
                db.ChangeTracker.Clear();
            }
        }
        await db.LoginFailures.Where(f => f.LastAt < recent).ExecuteDeleteAsync(ct);
    }

    /// <inheritdoc/>
    public async ValueTask SucceededAsync(string account, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = Key(account);
        await Db(scope).LoginFailures.Where(f => f.Account == key).ExecuteDeleteAsync(ct);
    }

    private string Key(string account) => protector.Hash("login-throttle:" + account);

    private static TalentHubDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
}
