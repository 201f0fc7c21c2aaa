using TalentHub.UnitTests.Builders;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Resources;

/// <summary>
/// English counted texts read right for 1 and for n ("Import 1 row", "Import 3 rows"): every English value with a
/// count followed by a plural noun has a <c>.One</c> sibling (see <see cref="PluralText"/>), so the kind stays fixed.
/// </summary>
public sealed partial class PluralResourceTests
{
    private static readonly IStringLocalizer L = Texts.L;

    /// <summary>Texts whose count can never be 1, with the rule that says so (checked, so the exception cannot rot).</summary>
    private static readonly Dictionary<string, Func<bool>> NeverOne = new()
    {
        ["FollowUp.MonthsAfter"] = () => !FollowUpTask.Milestones.Contains(1),
    };

    // A placeholder, up to two words that are not joining words ("more", "other open", "snapshot"), then a plural noun.
    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}\s+(?:(?!(?:with|of|to|on|in|by|for|from|and|or|already|can|is|are|has|have|at|a|the)\b)[\w-]+\s+){0,2}(?:rows|people|places|seats|hours|days|minutes|seconds|weeks|months|years|entries|sessions|courses|trainees|records|fields|reminders|certificates|tasks|marks|scores|messages|errors|warnings|changes|points|batches|characters|columns|enrollments|files|items|times|accounts|users|entities|villages|answers|tokens|codes)\b")]
    private static partial Regex CountedPlural();

    // A count that is a limit ("at most 12 characters", "more than 5,000 data rows") is a configured cap, not a tally.
    [GeneratedRegex(@"(?:at most|at least|more than|exceed|over the|the first)\s+\{\d+(?::[^}]*)?\}\s+\S+[^{]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    private static Dictionary<string, string> English()
    {
        var path = RepositoryFiles.PathOf("src", "TalentHub.Web", "Resources", "SharedResource.en.resx");
        return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    /// <summary>True when <paramref name="text"/> has a count directly followed by a plural noun that is not a limit.</summary>
    internal static bool HasCountedPlural(string text) =>
        CountedPlural().Matches(text).Any(m => !Limit().IsMatch(text[..(m.Index + m.Length)]));

    [Fact]
    public void EveryEnglishCountWithAPluralNoun_HasItsSingularSibling()
    {
        var en = English();
        var missing = en.Where(e => !e.Key.EndsWith(PluralText.OneSuffix, StringComparison.Ordinal) && HasCountedPlural(e.Value)
                && !en.ContainsKey(e.Key + PluralText.OneSuffix) && !(NeverOne.TryGetValue(e.Key, out var never) && never()))
            .Select(e => $"{e.Key} = {e.Value}").ToList();
        Assert.True(missing.Count == 0, "English counted texts without a .One sibling:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("Import {0} rows", true)]
    [InlineData("{0} more errors are not listed", true)]
    [InlineData("{0} other open courses are not open to you", true)]
    [InlineData("{0} rows: {1} can be imported, {3} with errors.", true)]
    [InlineData("{1} can be imported, {3} with errors.", false)]
    [InlineData("{0} must be at most {1} characters.", false)]
    [InlineData("Number {0} on the waitlist", false)]
    public void TheCheck_FindsCountedPlurals_AndLeavesLimitsAlone(string text, bool counted) =>
        Assert.Equal(counted, HasCountedPlural(text));

    [Fact]
    public void EverySingular_HasItsPluralText_AndNoOtherPlaceholders()
    {
        var en = English();
        foreach (var (key, text) in en.Where(e => e.Key.EndsWith(PluralText.OneSuffix, StringComparison.Ordinal)))
        {
            var plural = key[..^PluralText.OneSuffix.Length];
            Assert.True(en.ContainsKey(plural), $"{key} has no {plural}");
            Assert.Empty(Placeholders(text).Except(Placeholders(en[plural])));
            Assert.False(HasCountedPlural(text), $"{key} still reads as a plural: {text}");
        }
    }

    [Fact]
    public void Plural_ChoosesTheSingularInEnglishForOne_AndTheSameTextInChinese()
    {
        Assert.Equal("Import 1 row", In("en", () => L.Plural("Import.Confirm", 1).Value));
        Assert.Equal("Import 2 rows", In("en", () => L.Plural("Import.Confirm", 2).Value));
        Assert.Equal("Import 0 rows", In("en", () => L.Plural("Import.Confirm", 0).Value));
        Assert.Equal("1.5 hours", In("en", () => L.Plural("Catalog.Hours", 1.5m, "1.5").Value));
        Assert.Equal(In("zh-CN", () => L["Import.Confirm", 1].Value), In("zh-CN", () => L.Plural("Import.Confirm", 1).Value));
    }

    [Theory]
    [InlineData("en", 1, "1 reminder queued")]
    [InlineData("en", 3, "3 reminders queued")]
    [InlineData("zh-CN", 1, "生成 1 条提醒")]
    public void AStoredJobResult_ReadsWithTheRightNoun(string culture, int count, string expected) =>
        Assert.Equal(expected, In(culture, () => TalentHub.Web.Jobs.JobResult.Show(TalentHub.Web.Jobs.JobResult.Of("RemindersQueued", count), L)!));

    private static IEnumerable<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+").Select(m => m.Value);

    private static string In(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return read(); } finally { CultureInfo.CurrentUICulture = before; }
    }
}
