using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Support;

public static class Data
{
    /// <summary>Runs a query against the app's database outside any request (no region scope).</summary>
    public static async Task<T> QueryAsync<T>(this TalentHubFactory app, Func<TalentHubDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TalentHubDbContext>());
    }

    public static Task<int> PersonIdInCountyAsync(this TalentHubFactory app, string countyPrefix) =>
        app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.CountyCode.StartsWith(countyPrefix)).Select(p => p.Id).FirstAsync());
}
