using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The real app with demo data, in its own temporary data directory. Fixed personal-data keys keep
/// the EF model (which holds the converter) valid for every factory in the test process.
/// </summary>
public class TalentHubFactory : WebApplicationFactory<Program>
{
    public const string TestEncryptionKey = "dGFsZW50aHViLXRlc3QtZW5jcnlwdGlvbi1rZXktMzI=";
    public const string TestHashKey = "dGFsZW50aHViLXRlc3QtaGFzaC1rZXktMzJieXRlcyE=";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "talenthub-tests", Guid.NewGuid().ToString("N"));

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TalentHub:DataDirectory"] = DataDirectory,
            ["TalentHub:SeedDemoData"] = "true",
            ["TalentHub:LoginAttemptsPerMinute"] = "100000",
            // The shared app serves many tests from one address; VerifyRateLimitTests prove the limit on their own app.
            ["TalentHub:Verify:PerMinute"] = "100000",
            ["TalentHub:PersonalData:EncryptionKey"] = TestEncryptionKey,
            ["TalentHub:PersonalData:HashKey"] = TestHashKey,
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        // Settings must be visible while Program builds its services, so use the host's configuration.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file for a moment; temp is cleaned anyway. */ }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<TalentHubFactory>
{
    public const string Name = "app";
}
