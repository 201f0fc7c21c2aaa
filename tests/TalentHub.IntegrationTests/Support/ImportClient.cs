using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using TalentHub.Web.Domain.Common;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Drives an import page the way the browser does: a multipart upload with the antiforgery token, then confirm.</summary>
internal static partial class ImportClient
{
    public const string Anji = "330523000000";
    public const string Yucun = "330523108204";
    public const string WuxingVillage = "330502101206";

    public static async Task<(HttpResponseMessage Response, string Html)> ValidateAsync(this HttpClient client, string page, byte[] bytes, string fileName)
    {
        var form = await client.GetStringAsync(page);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(FormClient.TokenOf(form)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "Upload", fileName);
        var response = await client.PostAsync(page + "?handler=Validate", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Confirms the validated upload; returns the page shown after the redirect (with the summary).</summary>
    public static async Task<string> ConfirmAsync(this HttpClient client, string page, string validationHtml)
    {
        var response = await client.PostFormAsync(page + "?handler=Confirm", new() { ["Token"] = TokenOf(validationHtml) }, formPage: page);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // Say what the page said instead of redirecting (a rare failure in full runs, not reproduced alone).
            var shown = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var main = shown.IndexOf("<main", StringComparison.Ordinal);
            Assert.Fail($"Confirm answered {(int)response.StatusCode}, not a redirect: {(main < 0 ? shown : shown[main..])[..Math.Min(3000, shown.Length - Math.Max(0, main))]}");
        }
        return await client.GetStringAsync(response.Headers.Location!.ToString());
    }

    public static string TokenOf(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page offers no confirmation.");
        return match.Groups[1].Value;
    }

    /// <summary>The rows of the errors table: (row, column, reason).</summary>
    public static List<(int Row, string Column, string Reason)> Errors(string html, string table = "import-errors")
    {
        var body = Regex.Match(html, $"<table[^>]*id=\"{table}\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        if (!body.Success) return [];
        return RowPattern().Matches(body.Groups[1].Value)
            .Select(m => (int.Parse(m.Groups[1].Value), System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), System.Net.WebUtility.HtmlDecode(m.Groups[3].Value)))
            .ToList();
    }

    public static string NewId(Sex sex = Sex.Male) =>
        IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18000)), Random.Shared.Next(0, 1000), sex).Value;

    public static string NewName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static string NewMobile() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8");

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<tr><td>(\\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
