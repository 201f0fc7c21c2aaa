using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>Unique people for the registry page tests, written straight into the shared demo database.</summary>
public static partial class PeopleTestData
{
    public const string YuCun = "330523108204";          // 安吉县 天荒坪镇 余村
    public const string MengXiangGang = "330502100227";  // 吴兴区 织里镇 孟乡港村

    /// <summary>A valid ID number nobody else has (random birth date and sequence) for the county of <paramref name="village"/>.</summary>
    public static IdNumber NewIdNumber(string village, Sex sex = Sex.Male) =>
        IdNumber.Create(village[..6], new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000)), Random.Shared.Next(0, 1000), sex);

    public static string NewMobile() => "139" + Random.Shared.Next(0, 100_000_000).ToString("D8");

    public static string NewName(string prefix) => prefix + Random.Shared.Next(0, 1_000_000).ToString("D6");

    public static Task<Person?> PersonAsync(this TalentHubFactory app, int id) =>
        app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Include(p => p.Categories).FirstOrDefaultAsync(p => p.Id == id));

    public static Task<int> CountNamedAsync(this TalentHubFactory app, string name) =>
        app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name == name));

    /// <summary>The error text shown next to a field (empty when there is none).</summary>
    public static string FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<span class=\"field-validation-error\"[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        if (!match.Success)
            match = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*class=\"field-validation-error\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : "";
    }

    /// <summary>Like PostFormAsync, but a field may repeat (several checkboxes of one name).</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(this HttpClient client, string url, IEnumerable<(string Key, string Value)> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", FormClient.TokenOf(page)));
        // As a browser would: the create form's one-time token when the page has one and the fields do not name it.
        if (FormClient.SubmissionTokenOf(page) is { } submission && pairs.All(p => p.Key != "SubmissionToken"))
            pairs = pairs.Append(new("SubmissionToken", submission));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    /// <summary>A complete, valid create form for 安吉县 余村.</summary>
    public static Dictionary<string, string> CreateForm(string name, string idNumber, string? mobile = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.IdNumber"] = idNumber,
        ["Input.Mobile"] = mobile ?? "",
        ["Input.RegionCode"] = YuCun,
        ["Input.Categories"] = "HighQualityFarmer",
    };
}
