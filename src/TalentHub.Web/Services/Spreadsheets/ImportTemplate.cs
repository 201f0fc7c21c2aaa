using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>The downloadable template of an import: Chinese headers; the .xlsx also has a sheet of notes.</summary>
public static class ImportTemplate
{
    private static readonly Dictionary<string, string> Notes = new()
    {
        ["IdNumber"] = "18 位居民身份证号；请把该列设为“文本”格式，以免 Excel 丢失末几位",
        ["LegalRepresentative"] = "18 位居民身份证号，此人须已在人才库登记；请把该列设为“文本”格式",
        ["Mobile"] = "11 位手机号",
        ["Sex"] = "可不填；填写时须与身份证号一致",
        ["BirthDate"] = "可不填；填写时须与身份证号一致，如 1985-03-05",
        ["Village"] = "村（社区）名称，如“余村”；重名时填“乡镇+村名”或 12 位区划代码",
        ["LocalTalentType"] = "人才类别含“乡土人才”时必填",
        ["Origin"] = "人才类别含“返乡入乡创业人员”时必填",
        ["ReturnedOn"] = "如 2023-06-01",
        ["RegisteredOn"] = "如 2020-04-15",
        ["CreditCode"] = "18 位统一社会信用代码；合作社以 93 开头，家庭农场以 92 或 91 开头",
        ["CodeVerified"] = "校验位不符但已核实无误的早期代码填“是”，其余留空",
        ["RatingYear"] = "填写示范等级时必填",
    };

    /// <summary>The .csv template: the Chinese header row only, UTF-8 with BOM (so Excel opens it as UTF-8).</summary>
    public static byte[] Csv(IReadOnlyList<ImportColumn> columns) =>
        SheetWriter.Csv(new SheetData("", columns.Select(c => c.Chinese).ToList(), []));

    /// <summary>Columns that hold identifiers (ID numbers, mobiles, credit codes): formatted as text in the .xlsx template.</summary>
    public static readonly IReadOnlySet<string> IdentifierFields = new HashSet<string> { "IdNumber", "Mobile", "CreditCode", "LegalRepresentative" };

    /// <summary>The .xlsx template: the header row (identifier columns formatted as text, so Excel keeps 18-digit numbers) and a 填写说明 sheet.</summary>
    public static byte[] Xlsx(IReadOnlyList<ImportColumn> columns, string sheetName) => SheetWriter.XlsxWithTextColumns(
        new Dictionary<int, IReadOnlyList<int>>
        {
            [0] = columns.Select((c, i) => (c, i)).Where(x => IdentifierFields.Contains(x.c.Field)).Select(x => x.i).ToList(),
        },
        new SheetData(sheetName, columns.Select(c => c.Chinese).ToList(), []),
        new SheetData("填写说明", ["列名", "英文列名", "是否必填", "说明"], columns.Select(c => (IReadOnlyList<object?>)
        [
            c.Chinese, c.English, c.Required ? "必填" : "",
            string.Join("；", new[]
            {
                c.Choices is { } type ? (c.Multiple ? "可填多个，用“、”分隔：" : "可填：") + ImportLabels.Choices(type, false) : null,
                Notes.GetValueOrDefault(c.Field),
            }.Where(n => n is not null)),
        ]).ToList()));
}
