using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12 (perf7b): a people file's rows are mapped on every core in chunks of <see cref="ParallelRows.ChunkRows"/>;
/// the report must be exactly what one loop over the rows gives — every error of every row, in row order, a row's own
/// errors in the order its columns are checked, and duplicates within the file (also across chunks) named against the
/// first row that holds the number.
/// </summary>
public sealed class ParallelValidationTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task ErrorsSpreadOverSeveralChunks_ComeBackInRowOrder_AsOneLoopWouldListThem()
    {
        const int count = 2 * ParallelRows.ChunkRows + 600;
        // Unique, valid ID numbers (born 1912, a sequence per day) that no other test uses.
        var ids = Enumerable.Range(0, count)
            .Select(i => IdNumber.Create("330523", new DateOnly(1912, 1, 1).AddDays(i % 360), i / 360 * 2 + 101, Sex.Male).Value).ToArray();
        var expected = new List<(int Row, string Key, int? First)>();
        var lines = new List<string> { "姓名,身份证号,所在村（社区）,人才类别" };
        var firstRowOf = new Dictionary<string, int>();
        var validNames = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var row = i + 2; // the header is row 1
            var badId = i % 397 == 5 || i == 1500;
            var badVillage = i % 511 == 7 || i == 1500;
            // A copy of an earlier row's number: in the same chunk, across one chunk boundary, and right across it.
            int? copyOf = i is 1000 or 2100 ? i - 1 : i % 613 == 11 && i > 600 ? i - 600 : null;
            var id = copyOf is { } c ? ids[c] : ids[i];
            if (badId) id = id[..17] + (id[17] == '0' ? "1" : "0");
            lines.Add($"并行{i},{id},{(badVillage ? "无此村" : "余村")},高素质农民");
            if (badId) expected.Add((row, "IdNumber.", null));
            if (badVillage) expected.Add((row, "Import.VillageNotFound", null));
            if (badId || badVillage) continue;
            // The rule a loop applies: a good row whose number a good row above already holds is a duplicate of that one.
            if (firstRowOf.TryGetValue(id, out var first)) expected.Add((row, "Import.DuplicateInFile", first));
            else
            {
                firstRowOf[id] = row;
                validNames.Add($"并行{i}");
            }
        }
        Assert.Contains(expected, e => e.Key == "Import.DuplicateInFile" && e.Row == 1002); // row 1002 repeats row 1001, the chunk before
        Assert.Contains(expected, e => e.Row == 1502 && e.Key == "IdNumber.");              // one row, two errors

        using var scope = App.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<PeopleImporter>();
        var report = await importer.ValidateAsync(Sheet.From(SpreadsheetReader.ReadCsv(string.Join("\r\n", lines))), "并行.csv");

        Assert.Equal(count, report.TotalRows);
        Assert.Equal(expected.Count, report.Errors.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            var (row, key, first) = expected[k];
            var actual = report.Errors[k];
            Assert.True(actual.Row == row && actual.MessageKey.StartsWith(key, StringComparison.Ordinal),
                $"error {k}: expected row {row} {key}, got row {actual.Row} {actual.MessageKey}");
            if (first is not null) Assert.Equal([first.Value], actual.Args.Cast<int>());
        }
        Assert.Equal(validNames.Count, report.ValidCount);
        Assert.Equal(validNames, report.Valid.Cast<Web.Domain.People.Person>().Select(p => p.Name));
    }
}
