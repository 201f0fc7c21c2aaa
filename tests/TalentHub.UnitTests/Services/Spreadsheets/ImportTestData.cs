using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.People;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>A few regions of two counties and the pieces the row mappers need, without a database.</summary>
internal static class ImportTestData
{
    public const string Anji = "330523000000";
    public const string Yucun = "330523108204";
    public const string Xishan = "330502101206";

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    public static readonly PersonalDataProtector Protector = new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    // The registry's parsing and hashing need no database (nor region names).
    public static readonly PersonRegistry Registry = new(null!, Protector, new FakeTimeProvider(Now), null!);

    public static readonly VillageIndex Villages = new(
    [
        new Region { Code = "330500000000", Name = "湖州市", NameEn = "Huzhou", Level = RegionLevel.City },
        new Region { Code = Anji, Name = "安吉县", NameEn = "Anji County", Level = RegionLevel.County, ParentCode = "330500000000" },
        new Region { Code = "330523108000", Name = "天荒坪镇", NameEn = "Tianhuangping Town", Level = RegionLevel.Township, ParentCode = Anji },
        new Region { Code = Yucun, Name = "余村", NameEn = "Yu Village", Level = RegionLevel.Village, ParentCode = "330523108000" },
        new Region { Code = "330523108205", Name = "新村", NameEn = "Xin Village", Level = RegionLevel.Village, ParentCode = "330523108000" },
        new Region { Code = "330502000000", Name = "吴兴区", NameEn = "Wuxing District", Level = RegionLevel.County, ParentCode = "330500000000" },
        new Region { Code = "330502101000", Name = "八里店镇", NameEn = "Balidian Town", Level = RegionLevel.Township, ParentCode = "330502000000" },
        new Region { Code = Xishan, Name = "西山村", NameEn = "Xishan Village", Level = RegionLevel.Village, ParentCode = "330502101000" },
        new Region { Code = "330502101207", Name = "新村", NameEn = "Xin Village", Level = RegionLevel.Village, ParentCode = "330502101000" },
    ]);

    /// <summary>Reads one data row (row 2) under the given header and returns what the reader recorded.</summary>
    public static (T? Result, List<ImportIssue> Issues) Map<T>(IReadOnlyList<ImportColumn> columns, string[] header, object?[] cells,
        Func<RowReader, T?> map) where T : class
    {
        var issues = new List<ImportIssue>();
        var columnMap = ColumnMap.Build(header, columns, issues);
        Assert.Empty(issues);
        var result = map(new RowReader(new SheetRow(2, cells), columnMap, columns, issues));
        return (result, issues);
    }
}
