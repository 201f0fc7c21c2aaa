using System.Text.RegularExpressions;

namespace TalentHub.UnitTests.Resources;

/// <summary>
/// Page text comes from the resources so that English is complete: a full-width colon or bracket written into a view
/// showed on the English page ("Certificate No.：", review32). Chinese characters and full-width punctuation in a view may
/// stand only inside a quoted literal (a separator chosen by language, the language switch's own name).
/// </summary>
public sealed partial class MarkupTextTests
{
    [Fact]
    public void NoViewWritesChineseTextOutsideAQuotedLiteral()
    {
        var web = RepositoryFiles.PathOf("src", "TalentHub.Web");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = Comment().Replace(File.ReadAllText(file), "");
            foreach (var (line, number) in text.Split('\n').Select((l, i) => (l, i + 1)))
                if (Chinese().IsMatch(Quoted().Replace(line, "")))
                    found.Add($"{Path.GetRelativePath(web, file)}:{number}: {line.Trim()}");
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void TheCheckSeesTextBetweenTags() =>
        Assert.Matches(Chinese(), Quoted().Replace("<strong>@e.Title</strong>（@e.County）<div class=\"x\">", ""));

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)] private static partial Regex Comment();
    [GeneratedRegex("\"[^\"\\n]*\"|'[^'\\n]*'")] private static partial Regex Quoted();
    [GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]")] private static partial Regex Chinese();
}
