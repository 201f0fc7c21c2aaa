using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>
/// The import report's lists are cut at <see cref="ImportReportView.MaxShown"/> rows; each cut list says how many more
/// there are (review11: the skipped and warning lists stopped at 2,000 rows without a word, unlike the errors).
/// </summary>
public sealed class ImportReportViewTests
{
    [Fact]
    public async Task EveryCutList_SaysHowManyMoreThereAre_AndAShortListSaysNothing()
    {
        var report = new ImportReport { FileName = "people.xlsx", TotalRows = 2_105 };
        for (var row = 2; row < 2 + ImportReportView.MaxShown + 3; row++) report.Skipped.Add(new ImportIssue(row, "身份证号", "Import.AlreadyRegistered"));
        for (var row = 2; row < 2 + ImportReportView.MaxShown + 7; row++) report.Warnings.Add(new ImportIssue(row, "手机号", "Import.AlreadyRegistered"));

        var html = await RenderAsync(report, "zh-CN");

        Assert.Contains("另有 3 行跳过的记录未列出", html);
        Assert.Contains("另有 7 条提示未列出", html);
        Assert.Equal(ImportReportView.MaxShown, Count(html, "<tr><td>"));

        var english = await RenderAsync(report, "en");
        Assert.Contains("3 more skipped rows are not listed", english);
        Assert.Contains("7 more warnings are not listed", english);

        report.Skipped.RemoveRange(ImportReportView.MaxShown, 3);
        report.Warnings.Clear();
        Assert.DoesNotContain("import-more-skipped", await RenderAsync(report, "zh-CN"));
    }

    private static int Count(string html, string what) => (html.Length - html.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private static async Task<string> RenderAsync(ImportReport report, string culture)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<ImportReportView>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ImportReportView.Report)] = report }));
                return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
            });
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}
