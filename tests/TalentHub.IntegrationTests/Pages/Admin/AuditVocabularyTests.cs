using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// fix29a: the Chinese audit log showed raw identifiers (a hand-written record type, a role's settings as "#CountyClerk").
/// Every action (<see cref="AuditAction"/>) and every record type the app writes (<see cref="AuditedTypes.Names"/>) is
/// rendered on the page in both languages and must show its resource label: a new member without a translation fails here.
/// </summary>
public sealed partial class AuditVocabularyTests(TalentHubFactory app) : AppTest(app)
{
    public static TheoryData<string> Cultures() => new("zh-CN", "en");

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryAction_IsShownByItsLabel(string culture)
    {
        var user = "vocab-a-" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync(Enum.GetValues<AuditAction>().Select(a => Entry(user, a, "Course", "1")));

        var rows = await RowsAsync(user, culture);
        // Gone again: these entries carry no note, unlike any the app writes, and other tests read the shared log.
        await App.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == user).ExecuteDeleteAsync());

        var labels = Labels(culture);
        Assert.Equal(Enum.GetValues<AuditAction>().Length, rows.Count);
        foreach (var (action, cells) in rows)
            Assert.Equal(labels[$"AuditAction.{action}"], cells[2]);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task EveryRecordType_IsShownByItsLabel_AndANamedIdByItsLabel(string culture)
    {
        var user = "vocab-t-" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync(AuditedTypes.Names.Select(t => Entry(user, AuditAction.Update, t, AuditedTypes.Find(t)!.IdEnumPrefix is { } p ? NamedId(p) : "7")));

        var rows = await RowsAsync(user, culture);
        // Gone again: these entries carry no note, unlike any the app writes, and other tests read the shared log.
        await App.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == user).ExecuteDeleteAsync());

        var labels = Labels(culture);
        Assert.Equal(AuditedTypes.Names.Count, rows.Count);
        var shown = rows.Select(r => r.Cells[3]).ToList();
        foreach (var type in AuditedTypes.Names)
        {
            var described = AuditedTypes.Find(type)!;
            Assert.True(labels.TryGetValue(described.LabelKey, out var label), $"{described.LabelKey} has no {culture} text");
            var id = described.IdEnumPrefix is { } prefix ? labels[$"{prefix}.{NamedId(prefix)}"] : "#7";
            Assert.Contains($"{label} {id}", shown);
        }
        if (culture == "zh-CN") // no identifier left in the Chinese record cells
            foreach (var identifier in AuditedTypes.Names.Concat(Roles.All))
                Assert.All(shown, cell => Assert.DoesNotMatch($"(?<![A-Za-z]){identifier}(?![A-Za-z])", cell));
    }

    /// <summary>A named id of a record type whose ids are names: a role's settings, or a scheduled job (review34b).</summary>
    private static string NamedId(string prefix) => prefix == "Jobs" ? "OutboxDispatch" : Roles.CountyClerk;

    [Theory]
    [InlineData("zh-CN", "其他记录（RetiredType） #3")]
    [InlineData("en", "Other record (RetiredType) #3")]
    public async Task AnUnknownRecordType_IsShownAsAnotherRecord(string culture, string expected)
    {
        var user = "vocab-u-" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync([Entry(user, AuditAction.Update, "RetiredType", "3")]);
        List<(string Action, List<string> Cells)> rows;
        try
        {
            rows = await RowsAsync(user, culture);
        }
        finally
        {
            // Gone again: AuditTypeChoicesTests checks that every type the app writes is a known choice.
            await App.QueryAsync(db => db.AuditEntries.Where(a => a.UserName == user).ExecuteDeleteAsync());
        }

        Assert.Equal(expected, Assert.Single(rows).Cells[3]);
    }

    private static AuditEntry Entry(string user, AuditAction action, string type, string id) =>
        new() { At = DateTimeOffset.UtcNow, UserName = user, Action = action, EntityType = type, EntityId = id };

    private Task AddAsync(IEnumerable<AuditEntry> entries) =>
        App.QueryAsync(db => { db.AuditEntries.AddRange(entries); return db.SaveChangesAsync(); });

    /// <summary>The page's rows for <paramref name="user"/>: the action attribute and each cell's visible text.</summary>
    private async Task<List<(string Action, List<string> Cells)>> RowsAsync(string user, string culture)
    {
        var admin = await App.LoginAsync("admin");
        var html = await admin.GetStringAsync($"/Admin/Audit?user={user}&culture={culture}");
        return RowPattern().Matches(html).Select(m => (m.Groups[1].Value,
            CellPattern().Matches(m.Groups[2].Value).Select(c => Text(c.Groups[1].Value)).ToList())).ToList();
    }

    private static string Text(string html) =>
        WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    /// <summary>The resource texts of one culture, read from the files (so a missing key is a missing entry, not a fallback).</summary>
    private static Dictionary<string, string> Labels(string culture)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "TalentHub.Web", "Resources"))) dir = dir.Parent;
        var file = Path.Combine(dir!.FullName, "src", "TalentHub.Web", "Resources", $"SharedResource.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [GeneratedRegex("<tr data-audit-id=\"\\d+\" data-action=\"(\\w+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
