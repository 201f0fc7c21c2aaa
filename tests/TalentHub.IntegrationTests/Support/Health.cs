using Microsoft.AspNetCore.Mvc.Testing;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Asking a freshly started app for /healthz.</summary>
public static class Health
{
    /// <summary>How long a node may report Degraded (its scheduler still starting) before a test stops waiting.</summary>
    public static readonly TimeSpan StartingAllowance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// /healthz once the app is past starting: asks again while it answers Degraded (Quartz starts the scheduler only
    /// after the application has started, so the first answer may come before it runs), up to
    /// <see cref="StartingAllowance"/>; returns the first other answer, or the last Degraded one.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string Body)> HealthAfterStartAsync(this WebApplicationFactory<Program> app)
    {
        using var client = app.NewClient();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();
            if (body != "Degraded" || waited.Elapsed >= StartingAllowance) return (response.StatusCode, body);
            await Task.Delay(200);
        }
    }
}
