using TalentHub.Web.Pages.Admin;

namespace TalentHub.UnitTests.Data;

public sealed class AuditChangesTests
{
    [Fact]
    public void Parse_WithTheInterceptorsJson_ReturnsEachPropertyWithBeforeAndAfter()
    {
        var changes = AuditModel.Parse("""{"Industry":["白茶","毛竹"],"Members":[null,12],"Status":["Submitted","Approved"]}""");

        Assert.NotNull(changes);
        Assert.Equal(["Industry", "Members", "Status"], changes.Select(c => c.Field));
        Assert.Equal("白茶", changes[0].Before.GetString());
        Assert.Equal("毛竹", changes[0].After.GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changes[1].Before.ValueKind);
        Assert.Equal(12, changes[1].After.GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("导入 12 条，跳过 3 条")]
    [InlineData("""{"Name":["a","b"],"Notes":["very long text cut""")]
    [InlineData("""{"Name":"not a pair"}""")]
    public void Parse_WithASummaryOrBrokenJson_ReturnsNull(string? text)
    {
        Assert.Null(AuditModel.Parse(text));
    }
}
