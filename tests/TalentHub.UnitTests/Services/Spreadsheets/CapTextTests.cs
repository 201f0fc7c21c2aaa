using System.Globalization;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// fix36: the import pages stated the row cap as "100,000" and the refusal said "100000". Caps are numbers formatted in the
/// page's culture, with digit grouping, in the stated caps and in every refusal that names one.
/// </summary>
public sealed class CapTextTests
{
    private static string Text(string culture, string key, params object[] args)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return Texts.L[key, args].Value;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [InlineData("zh-CN", "Import.TooManyRows", "100,000")]
    [InlineData("en", "Import.TooManyRows", "100,000")]
    [InlineData("zh-CN", "Roster.Import.TooManyRows", "100,000")]
    [InlineData("en", "Roster.Import.TooManyRows", "100,000")]
    [InlineData("zh-CN", "Import.TooLong", "32,767")]
    [InlineData("en", "Import.TooLong", "32,767")]
    public void A_refusal_names_its_cap_grouped_as_the_stated_caps_do(string culture, string key, string shown)
    {
        var options = new ImportOptions();
        var caps = Text(culture, "Import.Caps", options.MaxRows, options.MaxColumns, options.Limits.MaxUnpackedMegabytesText, options.MaxCellCharacters);

        Assert.Contains(shown, Text(culture, key, key == "Import.TooLong" ? options.MaxCellCharacters : options.MaxRows));
        Assert.Contains(shown, caps);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Megabyte_caps_are_grouped_in_the_page_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var options = new ImportOptions { MaxUploadMegabytes = 1500, MaxUnpackedMegabytes = 2048.5 };
            Assert.Equal("1,500", options.CapText);
            Assert.Equal("2,048.5", options.Limits.MaxUnpackedMegabytesText);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
