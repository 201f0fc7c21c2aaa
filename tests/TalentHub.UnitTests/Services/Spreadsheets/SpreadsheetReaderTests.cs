using System.Text;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

public sealed class SpreadsheetReaderTests
{
    private const string Csv = "姓名,身份证号,所在村（社区）\r\n张三,330523199001011234,余村\r\n";

    static SpreadsheetReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_without_a_bom_is_read_as_utf8()
    {
        var bytes = new UTF8Encoding(false).GetBytes(Csv);

        Assert.Equal(Encoding.UTF8.WebName, SpreadsheetReader.DetectEncoding(bytes).WebName);
        Assert.Equal(Csv, SpreadsheetReader.Decode(bytes));
    }

    [Fact]
    public void Utf8_with_a_bom_is_read_as_utf8_and_the_bom_is_dropped()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(Csv)).ToArray();

        Assert.Equal(Encoding.UTF8.WebName, SpreadsheetReader.DetectEncoding(bytes).WebName);
        Assert.Equal(Csv, SpreadsheetReader.Decode(bytes));
    }

    [Fact]
    public void Gb18030_bytes_are_not_valid_utf8_and_are_read_as_gb18030()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Csv);

        Assert.Equal(Encoding.GetEncoding("GB18030").WebName, SpreadsheetReader.DetectEncoding(bytes).WebName);
        Assert.Equal(Csv, SpreadsheetReader.Decode(bytes));
    }

    /// <summary>Review11: a CSV saved as "Unicode" (UTF-16 with its byte-order mark) was read as GB18030 and lost every column.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_bom_is_read_as_utf16_and_the_bom_is_dropped(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Csv)).ToArray();

        Assert.Equal(Csv, SpreadsheetReader.Decode(bytes));
        var sheet = SpreadsheetReader.Read(bytes, "people.csv");
        Assert.Equal(["姓名", "身份证号", "所在村（社区）"], sheet.Header.Cast<string>());
        Assert.Equal("张三", sheet.Rows[0].Cells[0]);
    }

    [Fact]
    public void A_gb18030_csv_reads_into_header_and_numbered_rows()
    {
        var sheet = SpreadsheetReader.Read(Encoding.GetEncoding("GB18030").GetBytes(Csv + "\r\n李四,330523199001015678,余村"), "people.csv");

        Assert.Equal(["姓名", "身份证号", "所在村（社区）"], sheet.Header.Cast<string>());
        Assert.Equal([2, 3, 4], sheet.Rows.Select(r => r.Number));
        Assert.True(sheet.Rows[1].IsEmpty);
        Assert.Equal("李四", sheet.Rows[2].Cells[0]);
    }

    [Fact]
    public void Quoted_csv_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = SpreadsheetReader.ReadCsv("a,\"b,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext");

        Assert.Equal(["a", "b,1", "say \"hi\"", "two\nlines"], rows[0].Cells.Cast<string>());
        Assert.Equal(2, rows[1].Number);
    }

    [Fact]
    public void An_xlsx_is_read_from_its_first_sheet_with_spreadsheet_row_numbers()
    {
        var bytes = TalentHub.Web.Services.Spreadsheets.SheetWriter.Xlsx(
            new("人才", ["姓名", "身份证号"], [["张三", "330523199001011234"], [null, null], ["李四", 13800000001d]]),
            new("说明", ["x"], []));

        var sheet = SpreadsheetReader.Read(bytes, "people.xlsx");

        Assert.Equal("身份证号", sheet.Header[1]);
        Assert.Equal([2, 3, 4], sheet.Rows.Select(r => r.Number));
        Assert.Equal("13800000001", ImportValues.Text(sheet.Rows[2].Cells[1]));
    }

    [Fact]
    public void A_file_that_is_not_a_spreadsheet_is_refused_with_a_message()
    {
        var ex = Assert.Throws<ImportFileException>(() => SpreadsheetReader.Read([1, 2, 3, 4], "people.xlsx"));

        Assert.Equal("Import.FileUnreadable", ex.MessageKey);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    public void Column_letters_and_indexes_match_excel(int index, string letters)
    {
        Assert.Equal(letters, SpreadsheetReader.ColumnLetter(index));
        Assert.Equal(index, SpreadsheetReader.ColumnIndex(letters));
    }
}
