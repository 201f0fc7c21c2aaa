using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;

namespace TalentHub.UnitTests.Jobs;

/// <summary>The services <see cref="JobsServiceCollectionExtensions.AddTalentHubJobs"/> needs, without a host (nothing starts by itself).</summary>
internal static class JobServices
{
    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    public static ServiceProvider Build(DataDirectory data, params (string Key, string? Value)[] settings) =>
        Build(data, TimeProvider.System, settings);

    /// <summary>As above, with Quartz and the app on <paramref name="clock"/> (Quartz reads the container's TimeProvider).</summary>
    public static ServiceProvider Build(DataDirectory data, TimeProvider clock, params (string Key, string? Value)[] settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddSingleton(data);
        services.AddSingleton(clock);
        services.AddTalentHubJobs(configuration, data);
        return services.BuildServiceProvider();
    }
}
