using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// The per-address ceilings of <see cref="RequestLimits"/> (login tries per minute, password-help and sign-up posts
/// per hour) counted in the database on PostgreSQL (issue 15), so N nodes behind a load balancer allow a client the
/// ceiling once, not N times. Fixed windows aligned to the clock, one <c>AddressCounts</c> row per kind, address and
/// window, incremented atomically (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>); expired rows are swept when a
/// window opens. On SQLite (one node) the in-memory rate limiter counts them instead.
/// </summary>
public sealed class DatabaseAddressLimits(PersonalDataProtector protector, IOptionsMonitor<TalentHubOptions> options, TimeProvider clock)
{
    /// <summary>Counts the request against its ceiling; returns how long to wait when it is over, else null.</summary>
    public async Task<TimeSpan?> CountAsync(TalentHubDbContext db, RequestLimits.AddressPolicy policy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var index = now.UtcTicks / policy.Window.Ticks;
        var end = new DateTimeOffset((index + 1) * policy.Window.Ticks, TimeSpan.Zero);
        var bucket = protector.Hash($"address-limit:{policy.Name}:{policy.Address}:{index}");
        // Opened for these two statements only: a connection left open would be held for the rest of the request.
        await using var open = await db.Database.OpenScopeAsync(ct);
        var connection = db.Database.GetDbConnection();
        int count;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO \"AddressCounts\" (\"Bucket\", \"Count\", \"ExpiresAt\") VALUES (@bucket, 1, @end) " +
                                  "ON CONFLICT (\"Bucket\") DO UPDATE SET \"Count\" = \"AddressCounts\".\"Count\" + 1 RETURNING \"Count\"";
            Add(command, "bucket", bucket);
            Add(command, "end", end);
            count = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (count == 1) await db.AddressCounts.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return count > policy.Limit ? end - now : null;
    }

    /// <summary>The policy of this request under the current options (see <see cref="RequestLimits.AddressPolicyFor"/>).</summary>
    public RequestLimits.AddressPolicy? PolicyFor(HttpContext context) => RequestLimits.AddressPolicyFor(context, options.CurrentValue);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

public static class DatabaseAddressLimitsMiddleware
{
    /// <summary>On PostgreSQL, rejects a post over its per-address ceiling with 429 before anything else reads it.</summary>
    public static IApplicationBuilder UseDatabaseAddressLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.RequestServices.GetService<DatabaseAddressLimits>() is { } limits && limits.PolicyFor(context) is { } policy
            && await limits.CountAsync(context.RequestServices.GetRequiredService<TalentHubDbContext>(), policy, context.RequestAborted) is { } wait)
        {
            await RequestLimits.RejectAsync(context, wait, context.RequestAborted);
            return;
        }
        await next(context);
    });
}
