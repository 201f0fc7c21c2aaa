using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Issue 12 (perf7a): the app leases its contexts from EF's pool. A context handed back and leased again for another
/// request must carry that request's region scope (another county's people hidden), never the previous lease's, and a
/// context nobody gave a scope refuses to run rather than seeing every county.
/// </summary>
public sealed class PooledContextTests
{
    private sealed class Scope(string? county) : IRegionScope { public string? CountyCode => county; }

    private static ServiceProvider Services(string path, string? county)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TestDatabase.Protector);
        services.AddScoped<IRegionScope>(_ => new Scope(county));
        services.AddPooledDbContextFactory<SqliteTalentHubDbContext>(o => TalentHubDbContext.UseTalentHubServices(
            o.UseSqlite(DataServiceCollectionExtensions.SqliteConnectionString(path))), poolSize: 1);
        services.AddScoped<TalentHubDbContext>(sp => TalentHubDbContext.Lease(sp.GetRequiredService<IDbContextFactory<SqliteTalentHubDbContext>>(), sp));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_lease_of_a_reused_context_has_its_own_requests_region_scope()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = database.NewContext().Database.GetDbConnection().DataSource;
        await using var provider = Services(path, county: null);
        var pool = provider.GetRequiredService<IDbContextFactory<SqliteTalentHubDbContext>>();

        TalentHubDbContext first, second;
        string? firstScope, secondScope;
        await using (var context = pool.CreateDbContext())
        {
            context.Use(new Scope("330523000000"), TestDatabase.Protector);
            first = context;
            firstScope = context.ScopedCountyCode;
        }
        await using (var scope = provider.CreateAsyncScope())
        {
            second = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            secondScope = second.ScopedCountyCode;
        }

        Assert.Same(first, second);  // the pool handed the same instance out again
        Assert.Equal("330523000000", firstScope);
        Assert.Null(secondScope);    // the second request's (city-wide) scope, not the first lease's county
    }

    [Fact]
    public async Task A_pooled_context_without_a_scope_refuses_to_query()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = database.NewContext().Database.GetDbConnection().DataSource;
        await using var provider = Services(path, county: null);
        await using var context = provider.GetRequiredService<IDbContextFactory<SqliteTalentHubDbContext>>().CreateDbContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => context.People.CountAsync());
    }
}
