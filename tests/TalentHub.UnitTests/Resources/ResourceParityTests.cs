using System.Xml.Linq;

namespace TalentHub.UnitTests.Resources;

/// <summary>
/// English must be complete: every Chinese string has an English one and the reverse, except English singulars
/// ("….One", see <c>PluralText</c>): Chinese nouns have no plural, so Chinese uses the counted text itself.
/// </summary>
public sealed partial class ResourceParityTests
{
    private static string ResourcesFolder() => RepositoryFiles.PathOf("src", "TalentHub.Web", "Resources");

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    public static TheoryData<string> ChineseFiles() =>
        new(Directory.GetFiles(ResourcesFolder(), "*.zh-CN.resx").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ChineseFiles))]
    public void EveryKey_HasBothLanguages_WithTextAndTheSamePlaceholders(string chineseFile)
    {
        var zh = Read(Path.Combine(ResourcesFolder(), chineseFile));
        var en = Read(Path.Combine(ResourcesFolder(), chineseFile.Replace(".zh-CN.", ".en.")));

        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.DoesNotContain(en.Keys.Except(zh.Keys), k => !k.EndsWith(".One", StringComparison.Ordinal));
        Assert.DoesNotContain(zh.Keys, k => k.EndsWith(".One", StringComparison.Ordinal));
        foreach (var (key, text) in zh)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{key} is empty in Chinese");
            Assert.False(string.IsNullOrWhiteSpace(en[key]), $"{key} is empty in English");
            Assert.Equal(Placeholders(text), Placeholders(en[key]));
        }
    }

    /// <summary>
    /// fix23: the API's 401 details quoted the header with apostrophes ('Authorization: Bearer &lt;token&gt;'), one of
    /// them in Chinese beside two in “…”. Every API problem text quotes with “…” in both languages, never ' … ' or " … ".
    /// </summary>
    [Theory]
    [InlineData("SharedResource.zh-CN.resx")]
    [InlineData("SharedResource.en.resx")]
    public void ApiProblemTexts_QuoteWithCurlyQuotes(string file)
    {
        var problems = Read(Path.Combine(ResourcesFolder(), file)).Where(kv => kv.Key.StartsWith("Api.Problem.", StringComparison.Ordinal)).ToList();
        Assert.Contains(problems, kv => kv.Value.Contains('“'));
        Assert.All(problems, kv =>
        {
            Assert.DoesNotMatch("'[^']*'", kv.Value);
            Assert.DoesNotContain("\"", kv.Value);
            Assert.Equal(kv.Value.Count(c => c == '“'), kv.Value.Count(c => c == '”'));
        });
    }

    /// <summary>
    /// polish32: messages lacked their closing punctuation (Dispatch.MonthInvalid, Target.*, Course.ContactPhoneInvalid…).
    /// A key is a sentence in both languages or in neither: the Chinese ends with 。/！/？ exactly when the English ends with
    /// ./!/? (closing quotes and brackets after the mark aside). Only an abbreviation may differ.
    /// </summary>
    [Fact]
    public void BothLanguages_AgreeWhetherAKeyEndsASentence()
    {
        string[] allowed = ["Dispatch.ExampleNo"]; // 序号 / "No.": the English abbreviation's dot ends no sentence.
        var zh = Read(Path.Combine(ResourcesFolder(), "SharedResource.zh-CN.resx"));
        var en = Read(Path.Combine(ResourcesFolder(), "SharedResource.en.resx"));

        var disagreeing = zh.Keys.Where(k => en.ContainsKey(k) && !allowed.Contains(k) && EndsSentence(zh[k]) != EndsSentence(en[k]));

        Assert.Empty(disagreeing);
    }

    /// <summary>
    /// polish32: every message the code raises as an error (a <c>DomainException</c> key, a model error) or shows as a
    /// flash after a save is a full sentence in both languages, so it ends with its closing punctuation.
    /// </summary>
    [Fact]
    public void ErrorAndFlashMessages_EndWithClosingPunctuation_InBothLanguages()
    {
        var zh = Read(Path.Combine(ResourcesFolder(), "SharedResource.zh-CN.resx"));
        var en = Read(Path.Combine(ResourcesFolder(), "SharedResource.en.resx"));
        var raised = Directory.GetFiles(RepositoryFiles.PathOf("src", "TalentHub.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RaisedKey().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["key"].Value)
            .Where(zh.ContainsKey)
            .Except(["Targets.CellError"]) // "{county} {indicator}：{message}": ends with the sentence it wraps
            .ToHashSet();

        Assert.NotEmpty(raised);
        Assert.Empty(raised.Where(k => !EndsSentence(zh[k]) || !EndsSentence(en[k])).Order());
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('”', '’', '"', '\'', '）', ')');
        return trimmed.Length > 0 && "。！？.!?".Contains(trimmed[^1]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("""(?:DomainException\(\s*"|AddModelError\([^;]*?\b[lL]\["|Flash\("|TempData\["Flash"\]\s*=\s*[lL]\[")(?<key>[A-Za-z0-9.]+)"(?!\s*\+)""")]
    private static partial System.Text.RegularExpressions.Regex RaisedKey();

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order());
}
