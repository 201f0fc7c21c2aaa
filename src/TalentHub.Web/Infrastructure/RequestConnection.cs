using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// On SQLite, a signed-in request opens its DbContext's connection once and keeps it until the request ends (EF closes
/// it when the request scope disposes the context). Such a request runs several small queries — the session stamp
/// check, the page's reads, the unread badge — and EF otherwise opens and closes the connection around each one; every
/// open and close takes Microsoft.Data.Sqlite's pool lock. Issue 12, measured with dotnet-trace (thread time) under 8
/// clients on <c>/People?q=王秀</c>: <c>Monitor.Enter_Slowpath</c> under <c>SqliteConnectionPool.GetConnection</c> and
/// <c>Close</c> was the largest lock contention of the request. Anonymous requests (the output-cached catalog) are
/// left alone, and PostgreSQL keeps EF's open-per-query (a connection held through rendering would shrink its pool).
/// The provider is told by the context's type, not <c>Database.IsSqlite()</c>: that compares the provider's assembly
/// name, read by reflection (<c>Assembly.GetName</c>) on every call — ~1 % of a warm signed-in search (perf10's trace).
/// </summary>
public static class RequestConnection
{
    public static IApplicationBuilder UseRequestConnection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Cookies.ContainsKey(IdentityServiceCollectionExtensions.AuthCookieName))
        {
            var db = context.RequestServices.GetRequiredService<TalentHubDbContext>();
            if (db is SqliteTalentHubDbContext) await db.Database.OpenConnectionAsync(context.RequestAborted);
        }
        await next(context);
    });
}
