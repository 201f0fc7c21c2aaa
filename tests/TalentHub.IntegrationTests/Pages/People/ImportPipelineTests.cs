using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Builders;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12 (imp9b): a people file checked while it is read (<see cref="SheetSource"/> with two threads, rows handed over
/// in blocks) gives exactly the report of the whole file read first: rows, errors, warnings, skips, their order, hashes.
/// </summary>
public sealed class ImportPipelineTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>A valid ID number ending in 000, which Excel may have rounded (a warning the clerk accepts).</summary>
    private static string RoundLookingId()
    {
        while (true)
        {
            var id = IdNumber.Create("330523", new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 18000)), 100, Sex.Female).Value;
            if (id.EndsWith("000", StringComparison.Ordinal)) return id;
        }
    }

    /// <summary>
    /// A title row, the header, then good rows, bad rows (check digit, no name, unknown village, an entrepreneur without a venture), blank rows, a row whose
    /// ID number is already registered, one that looks rounded, and a second row of an ID number seen 41 rows earlier.
    /// </summary>
    private async Task<List<SheetRow>> MixedFileAsync()
    {
        var registered = await App.CreatePersonAsync();
        var rows = new List<SheetRow>
        {
            new(1, ["安吉县人才花名册"]),
            new(2, ["姓名", "身份证号", "手机号", "所在村（社区）", "人才类别"]),
        };
        var ids = new List<string>();
        for (var n = 3; n <= 160; n++)
        {
            var id = NewId(n % 2 == 0 ? Sex.Male : Sex.Female);
            ids.Add(id);
            object?[] cells = (n % 23) switch
            {
                0 => [NewName("校验"), id[..17] + (id[17] == '1' ? "2" : "1"), null, Yucun, "高素质农民"],
                5 => [null, id, null, Yucun, "高素质农民"],
                7 => [NewName("无村"), id, NewMobile(), "不存在村", "高素质农民"],
                11 => [],
                13 when n > 44 => [NewName("重复"), ids[n - 3 - 41], null, Yucun, "高素质农民"],
                17 => [NewName("已有"), registered.IdNumber, null, Yucun, "高素质农民"],
                19 => [NewName("像舍入"), RoundLookingId(), null, Yucun, "高素质农民"],
                _ => [NewName("农户"), id, n % 3 == 0 ? NewMobile() : null, Yucun, n % 8 == 0 ? "高素质农民、返乡入乡创业人员" : "高素质农民"],
            };
            rows.Add(new SheetRow(n, cells));
        }
        return rows;
    }

    private async Task<ImportReport> ValidateAsync(List<SheetRow> file, int threads, int blockRows)
    {
        using var scope = App.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
        return await importer.ValidateAsync(new SheetSource(_ => file, threads, blockRows), "people.xlsx");
    }

    private static List<string> Describe(ImportReport report) =>
    [
        $"header={report.HeaderRow} total={report.TotalRows} valid={report.ValidCount} bad={report.BadRows}",
        .. report.Errors.Select(e => $"error {e.Row} {e.Column} {e.MessageKey} {string.Join(",", e.Args)}"),
        .. report.Warnings.Select(e => $"warning {e.Row} {e.Column} {e.MessageKey}"),
        .. report.Skipped.Select(e => $"skipped {e.Row} {e.Column} {e.MessageKey} {string.Join(",", e.Args)}"),
        .. report.Valid.Cast<Person>().Select(p => $"valid {p.Name} {p.IdNumberHash} {p.RegionCode} {p.MobileHash}"),
    ];

    [Fact]
    public async Task AMixedFile_CheckedWhileItIsRead_InBlocksOfAnySize_GivesTheReportOfTheWholeFileReadFirst()
    {
        var file = await MixedFileAsync();

        var whole = await ValidateAsync(file, threads: 1, blockRows: 1_000);

        // What the file holds, so the comparison below compares a report that found it.
        Assert.Equal(2, whole.HeaderRow);
        Assert.Equal(file.Skip(2).Count(r => !r.IsEmpty), whole.TotalRows);
        Assert.Contains(whole.Errors, e => e.Row == 59 && e.MessageKey == "Import.DuplicateInFile" && (int)e.Args[0] == 18);
        Assert.Contains(whole.Errors, e => e.Row == 5 && e.MessageKey == "Import.Required");
        Assert.Contains(whole.Skipped, s => s.Row == 17 && s.MessageKey == "Import.AlreadyExists");
        Assert.Contains(whole.Warnings, w => w.Row == 19 && w.MessageKey == "Import.MaybeRounded");
        Assert.True(whole.ValidCount > 80, $"{whole.ValidCount} valid rows");
        foreach (var (threads, blockRows) in new[] { (2, 1), (2, 3), (2, 7), (2, 1_000) })
            Assert.Equal(Describe(whole), Describe(await ValidateAsync(file, threads, blockRows)));
    }
}
