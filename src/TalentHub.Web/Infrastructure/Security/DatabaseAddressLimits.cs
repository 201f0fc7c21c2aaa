using System.Data.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
/// window opens. On SQLite (one node) <see cref="MemoryAddressLimits"/> counts them instead.
/// </summary>
public sealed class DatabaseAddressLimits(PersonalDataProtector protector, IOptionsMonitor<TalentHubOptions> options, TimeProvider clock) : IAddressLimits
{
    Task<TimeSpan?> IAddressLimits.CountAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct) =>
        CountAsync(requestServices.GetRequiredService<TalentHubDbContext>(), policy, window, ct);

    Task IAddressLimits.RefundAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct) =>
        RefundAsync(requestServices.GetRequiredService<TalentHubDbContext>(), policy, window, ct);

    /// <summary>Counts the request against its ceiling in the current window; returns how long to wait when it is over, else null.</summary>
    public Task<TimeSpan?> CountAsync(TalentHubDbContext db, RequestLimits.AddressPolicy policy, CancellationToken ct = default) =>
        CountAsync(db, policy, policy.WindowAt(clock.GetUtcNow()), ct);

    /// <summary>Counts the request against its ceiling in <paramref name="window"/> (<see cref="RequestLimits.AddressPolicy.WindowAt"/>).</summary>
    public async Task<TimeSpan?> CountAsync(TalentHubDbContext db, RequestLimits.AddressPolicy policy, long window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var end = policy.WindowEnd(window);
        // Opened for these two statements only: a connection left open would be held for the rest of the request.
        await using var open = await db.Database.OpenScopeAsync(ct);
        var connection = db.Database.GetDbConnection();
        int count;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO \"AddressCounts\" (\"Bucket\", \"Count\", \"ExpiresAt\") VALUES (@bucket, 1, @end) " +
                                  "ON CONFLICT (\"Bucket\") DO UPDATE SET \"Count\" = \"AddressCounts\".\"Count\" + 1 RETURNING \"Count\"";
            Add(command, "bucket", Bucket(policy, window));
            Add(command, "end", end);
            count = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (count == 1) await db.AddressCounts.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        return count > policy.Limit ? end - now : null;
    }

    /// <summary>
    /// Gives back one post counted in <paramref name="window"/> (never below zero): the password work gate answered it
    /// "busy, try again" (review 5), so the retry must not use up the address's ceiling.
    /// </summary>
    public async Task RefundAsync(TalentHubDbContext db, RequestLimits.AddressPolicy policy, long window, CancellationToken ct = default)
    {
        var bucket = Bucket(policy, window);
        await db.AddressCounts.Where(c => c.Bucket == bucket && c.Count > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count - 1), ct);
    }

    private string Bucket(RequestLimits.AddressPolicy policy, long window) =>
        protector.Hash($"address-limit:{policy.Name}:{policy.Address}:{window}");

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

/// <summary>Where the per-address ceilings are counted: <see cref="DatabaseAddressLimits"/> (PostgreSQL, every node) or <see cref="MemoryAddressLimits"/> (SQLite, one node).</summary>
public interface IAddressLimits
{
    /// <summary>Counts a post in <paramref name="window"/> (<see cref="RequestLimits.AddressPolicy.WindowAt"/>); how long to wait when it is over the ceiling, else null.</summary>
    Task<TimeSpan?> CountAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct);

    /// <summary>Gives back one post counted in <paramref name="window"/>, never below zero (a "busy, try again" answer, review 5).</summary>
    Task RefundAsync(IServiceProvider requestServices, RequestLimits.AddressPolicy policy, long window, CancellationToken ct);
}

/// <summary>The per-client-address ceilings on login, sign-up and password-help posts (see <see cref="TalentHubOptions"/>).</summary>
public static class AddressLimitsMiddleware
{
    /// <summary>
    /// Rejects a post over its per-address ceiling with 429 before anything else reads it: counted in the database on
    /// PostgreSQL (<see cref="DatabaseAddressLimits"/>), in memory on SQLite (<see cref="MemoryAddressLimits"/>). A post
    /// the password work gate answered "busy, try again" (<see cref="PasswordWorkBusyFilter.Answered"/>) is given back:
    /// nothing was checked or saved, and the user was told to retry (review 5). A login post to a page over its ceiling is
    /// answered by that page's form with the message (<see cref="AddressLimitedLoginFilter"/>).
    /// </summary>
    public static IApplicationBuilder UseAddressLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<TalentHubOptions>>().CurrentValue;
        if (RequestLimits.AddressPolicyFor(context, options) is not { } policy)
        {
            await next(context);
            return;
        }
        var window = policy.WindowAt(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var limits = services.GetRequiredService<IAddressLimits>();
        var wait = await limits.CountAsync(services, policy, window, context.RequestAborted);
        if (wait is { } w)
        {
            // A browser's login form is answered by its own page, the message next to the form (review 8).
            if (policy.Name == "login" && context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                AddressLimitedLoginFilter.Mark(context, w);
                await next(context);
                return;
            }
            await RequestLimits.RejectAsync(context, w, context.RequestAborted);
            return;
        }
        await next(context);
        if (PasswordWorkBusyFilter.Answered(context)) await limits.RefundAsync(services, policy, window, CancellationToken.None);
    });
}
