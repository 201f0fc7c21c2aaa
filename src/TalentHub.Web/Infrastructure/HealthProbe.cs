namespace TalentHub.Web.Infrastructure;

/// <summary>`dotnet TalentHub.Web.dll --healthcheck`: exit 0 when /healthz on the local port answers 200.</summary>
public static class HealthProbe
{
    /// <summary>The process exit code: 0 when /healthz on the first ASPNETCORE_URLS port (default 8080) answers 2xx within 4 s, else 1.</summary>
    public static async Task<int> RunAsync()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://localhost:8080";
        var port = new Uri(urls.Split(';')[0].Replace("+", "localhost").Replace("*", "localhost")).Port;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
