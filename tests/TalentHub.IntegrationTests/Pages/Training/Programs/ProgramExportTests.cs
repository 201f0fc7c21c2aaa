using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Training.Programs;

/// <summary>review14: the programme list had no export; it now exports every programme in the list's order, audited.</summary>
public sealed class ProgramExportTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Csv_HasEveryProgramme_InTheListsOrder_AndIsAudited()
    {
        var id = await App.CreateProgramAsync();
        var name = await App.QueryAsync(db => db.Programs.Where(p => p.Id == id).Select(p => p.Name).SingleAsync());
        var expected = await App.QueryAsync(db => db.Programs.CountAsync());
        var officer = await App.LoginAsync("city.officer");

        var response = await officer.GetAsync("/Programs?handler=Export&format=csv&Sort=budget");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^培训项目_湖州市_\d{4}-\d{2}-\d{2}\.csv$", ExportFiles.Names(response).Name);
        var rows = ExportFiles.Csv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["项目名称", "年度"], rows[0][..2]);
        Assert.DoesNotContain("本县（市、区）目标", rows[0]);
        Assert.Equal(expected, rows.Count - 1);
        var mine = Assert.Single(rows, r => r[0] == name);
        Assert.Equal("适用", mine[5]);
        var budgets = rows.Skip(1).Select(r => decimal.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(budgets.Order(), budgets);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "TrainingProgram"
            && a.UserName == "city.officer" && a.Changes == $"format=csv; rows={expected}")));
        Assert.Contains("handler=Export&amp;format=csv", await officer.GetStringAsync("/Programs?Sort=budget"));
    }

    [Fact]
    public async Task Xlsx_ForCountyStaff_HasTheirOwnTargetColumn_InTheViewersLanguage()
    {
        await App.CreateProgramAsync();
        var clerk = await App.LoginAsync("anji.clerk");

        var rows = ExportFiles.Xlsx(await clerk.GetByteArrayAsync("/Programs?handler=Export&format=xlsx&culture=en"));

        Assert.Equal(["Name", "Year"], rows[0][..2]);
        Assert.Contains("Your county's target", rows[0]);
        Assert.True(rows.Count > 1);
    }

    [Fact]
    public async Task Farmers_AreRefused()
    {
        var farmer = await App.LoginAsync("13800000003");

        var response = await farmer.GetAsync("/Programs?handler=Export&format=csv");

        Assert.Contains("AccessDenied", response.Headers.Location!.ToString());
    }
}
