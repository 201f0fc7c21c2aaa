using System.IO.Compression;
using System.Text;

using TalentHub.IntegrationTests.Builders;

namespace TalentHub.IntegrationTests.Pages.People;


/// <summary>Issue 8, item 8: hostile spreadsheets on all three import pages end in a message, never in unbounded work or a 500.</summary>
public sealed class HostileFileTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>A minimal .xlsx (no dimension) whose first sheet's rows are written by <paramref name="rows"/>.</summary>
    private static byte[] Xlsx(Action<TextWriter> rows)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>""");
            rows(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        return ms.ToArray();
    }

    private static byte[] RowBomb() => Xlsx(w =>
    {
        for (var i = 2; i <= 300_000; i++) w.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>1</v></c></row>");
    });

    private static byte[] LastColumnRows() => Xlsx(w =>
    {
        for (var i = 2; i <= 500; i++) w.Write($"<row r=\"{i}\"><c r=\"XFD{i}\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
    });

    [Theory]
    [InlineData("/People/Import")]
    [InlineData("/Entities/Import")]
    public async Task AMillionTinyRows_AreRefusedAtTheRowCap_AndTheCapsAreStatedOnThePage(string page)
    {
        var client = await App.LoginAsync("anji.clerk");
        Assert.Contains("最多 100,000 行数据", await client.GetStringAsync(page));

        var (response, html) = await client.ValidateAsync(page, RowBomb(), "bomb.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件超过 100,000 行数据的上限", html);
    }

    [Fact]
    public async Task TheRosterImport_RefusesTheRowBomb_AndReadsCellsInTheLastColumnCheaply()
    {
        var course = await App.CreateOpenCourseAsync();
        var client = await App.LoginAsync("anji.clerk");

        var bomb = await (await Training.Courses.RosterImportTests.UploadAsync(client, course, RowBomb(), "bomb.xlsx")).Content.ReadAsStringAsync();
        var wide = await Training.Courses.RosterImportTests.UploadAsync(client, course, LastColumnRows(), "wide.xlsx");

        Assert.Contains("文件超过 100,000 行数据的上限", bomb);
        Assert.Equal(HttpStatusCode.OK, wide.StatusCode);
        Assert.Contains("id=\"roster-nothing-valid\"", await wide.Content.ReadAsStringAsync());
    }
}
