using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// Workbook sheet names follow Excel's rules whatever the localized title (review14: the English /Reports .xlsx export
/// was a 500, "Sheet names must be less than 31 characters", for "Spend per trainee against the subsidy standard").
/// </summary>
public sealed class SheetNamesTests
{
    [Fact]
    public void Xlsx_WithLongRepeatedAndForbiddenTitles_IsWritten_WithEverySheetUnderAnExcelName()
    {
        var titles = new[]
        {
            "Spend per trainee against the subsidy standard",
            "Spend per trainee against the subsidy standard, again",
            "Progress: people/certificates [2026]?*",
            "people",
            "People",
            "'quoted'",
            "",
            "县（市、区）排名（比学赶超）",
            "Monthly trend (people trained, year to date)",
            "Trainees' results · 安吉县湖羊科学养殖培训班（42期）",
            "Trainees' results · Sheep farming basics for beginners",
        };
        var bytes = SheetWriter.Xlsx([.. titles.Select((t, i) => new SheetData(t, ["n"], [[i]]))]);

        var names = XlsxParts.Read(bytes, "xl/workbook.xml").Descendants().Where(e => e.Name.LocalName == "sheet")
            .Select(e => (string)e.Attribute("name")!).ToList();
        Assert.Equal(titles.Length, names.Count);
        Assert.All(names, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(['\\', '/', '?', '*', '[', ']', ':']) < 0, n);
            Assert.False(n.StartsWith('\'') || n.EndsWith('\''), n);
        });
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Spend per trainee against the", names[0]);
        Assert.Equal("Spend per trainee against (2)", names[1]);
        Assert.Equal("Progress peoplecertificates", names[2]);
        Assert.Equal(["people", "People (2)", "quoted", "Sheet7", "县（市、区）排名（比学赶超）", "Monthly trend",
            // review34g: a Chinese title after the English words was dropped whole, leaving "Trainees' results ·".
            "Trainees' results · 安吉县湖羊科学养殖培训", "Trainees' results · Sheep"], names[3..]);
    }
}
