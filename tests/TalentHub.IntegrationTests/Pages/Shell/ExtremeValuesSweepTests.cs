using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Every GET page, every query parameter it binds (its [BindProperty(SupportsGet = true)] and [FromQuery]
/// properties, the members of bound filter objects, and its OnGet parameters), found by reflection so new
/// pages are covered without a change here, fed extreme and malformed values: nothing may answer 5xx.
/// </summary>
public sealed class ExtremeValuesSweepTests(TalentHubFactory app, ITestOutputHelper output) : AppTest(app)
{
    private static readonly string[] Anything = ["", "-1", "0", "2147483647", "99999999999999999999", "abc", "'\"<>%00", new string('9', 300)];
    private static readonly string[] Numbers = ["-2147483648", "-1", "0", "2147483647", "99999999999999999999", "1e308", "NaN", "abc"];
    private static readonly string[] Dates = ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59", "0000-00-00", "2027-02-30", "abc", "-1"];
    private static readonly string[] Months = ["9999-12", "0001-01", "0000-00", "2027-13", "abc"];
    private static readonly string[] RouteValues = ["0", "-1", "2147483647", "99999999999999999999", "abc"];

    private sealed record Target(string Route, IReadOnlyList<(string Name, string[] Values)> Parameters);

    [Fact]
    public async Task EveryGetParameter_OfEveryPage_WithExtremeValues_NeverAnswers5xx()
    {
        var admin = await App.LoginAsync("admin");
        var farmer = await App.LoginAsync("13800000001");
        var anonymous = App.NewClient();
        var failures = new List<string>();
        var requests = 0;

        foreach (var target in Targets())
        {
            var clients = new[] { admin, farmer, anonymous };
            foreach (var url in UrlsFor(target))
                foreach (var client in clients)
                {
                    requests++;
                    var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {url}");
                }
        }
        output.WriteLine($"{requests} requests");

        Assert.True(requests > 300, $"only {requests} requests: page discovery broke");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/Catalog?To=9999-12-31", false)]
    [InlineData("/Catalog?From=0001-01-01&To=9999-12-31&page=2147483647", false)]
    [InlineData("/Courses?From=0001-01-01&To=9999-12-31", true)]
    [InlineData("/Courses/Calendar?month=9999-12", true)]
    [InlineData("/Courses/Calendar?month=0001-01", true)]
    [InlineData("/Admin/Audit?From=0001-01-01&To=9999-12-31&page=-5", true)]
    public async Task TheReportedUrls_AnswerOk(string url, bool signedIn)
    {
        var client = signedIn ? await App.LoginAsync("admin") : App.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public void Discovery_FindsTheKnownFilterParameters()
    {
        var all = Targets().ToDictionary(t => t.Route, t => t.Parameters.Select(p => p.Name).ToList());

        Assert.Contains("To", all["/Catalog"]);
        Assert.Contains("From", all["/Courses"]);
        Assert.Contains("month", all["/Courses/Calendar"]);
        Assert.Contains("page", all["/People"]);
    }

    private IEnumerable<string> UrlsFor(Target target)
    {
        var route = target.Route;
        var holes = System.Text.RegularExpressions.Regex.Matches(route, "\\{([^}:?]+)[^}]*\\}").Select(m => m.Value).ToList();
        string Fill(string value) => holes.Aggregate(route, (r, h) => r.Replace(h, value, StringComparison.Ordinal));
        var baseUrl = Fill("1");
        if (holes.Count > 0)
            foreach (var value in RouteValues) yield return Fill(Uri.EscapeDataString(value));
        yield return baseUrl;
        foreach (var (name, values) in target.Parameters)
            foreach (var value in values)
                yield return $"{baseUrl}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
    }

    /// <summary>Each Razor page of the app with its route and the query parameters its model binds on GET.</summary>
    private IEnumerable<Target> Targets()
    {
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e, d: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()))
            .Where(x => x.d is not null)
            .GroupBy(x => x.d!.RelativePath)
            .ToDictionary(g => g.Key, g => "/" + g.OrderBy(x => x.e.RoutePattern.RawText!.Length).First().e.RoutePattern.RawText!.TrimStart('/'));
        var pages = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Where(a => a.Kind == "mvc.1.0.razor-page");
        foreach (var page in pages)
        {
            if (!routes.TryGetValue(page.Identifier, out var route) || route.Contains("Logout", StringComparison.Ordinal)) continue;
            var model = page.Type.GetProperty("Model")?.PropertyType;
            if (model is null || !typeof(PageModel).IsAssignableFrom(model)) continue;
            yield return new Target(route, ParametersOf(model).DistinctBy(p => p.Name).ToList());
        }
    }

    private static IEnumerable<(string Name, string[] Values)> ParametersOf(Type model)
    {
        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var bind = property.GetCustomAttribute<BindPropertyAttribute>();
            var query = property.GetCustomAttribute<FromQueryAttribute>();
            if (query is null && bind is not { SupportsGet: true }) continue;
            var name = query?.Name ?? bind?.Name ?? property.Name;
            if (IsSimple(property.PropertyType)) yield return (name, ValuesFor(property.PropertyType, name));
            else
                foreach (var member in property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsSimple(p.PropertyType)))
                    yield return (member.Name, ValuesFor(member.PropertyType, member.Name));
        }
        foreach (var handler in model.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
            foreach (var parameter in handler.GetParameters().Where(p => IsSimple(p.ParameterType)))
                yield return (parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!, ValuesFor(parameter.ParameterType, parameter.Name!));
        yield return ("handler", ["Nope", "", "Template"]);
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }

    private static string[] ValuesFor(Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) return Dates;
        if (t == typeof(string) && name.Contains("month", StringComparison.OrdinalIgnoreCase)) return [.. Months, .. Anything];
        if (t == typeof(string)) return [.. Anything, .. Dates.Take(2), .. Months.Take(2)];
        if (t.IsEnum) return ["999", "-1", "NotAValue", ""];
        if (t == typeof(bool)) return ["maybe", "2", ""];
        return Numbers;
    }
}
