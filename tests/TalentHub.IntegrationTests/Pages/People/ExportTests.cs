using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.IntegrationTests.Pages.People;

public sealed class ExportTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";
    private const string Wuxing = "330502000000";

    private static List<string[]> CsvRows(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return TalentHub.Web.Services.Spreadsheets.SpreadsheetReader.ReadCsv(Encoding.UTF8.GetString(bytes[3..]))
            .Select(r => r.Cells.Select(c => (string)c!).ToArray()).ToList();
    }

    private static List<IDictionary<string, object?>> XlsxRows(byte[] bytes) =>
        MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();

    private Task<List<(string Id, string? Mobile)>> IdentifiersAsync(string county) =>
        App.QueryAsync(async db => (await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(p => p.CountyCode == county)
            .Select(p => new { p.IdNumber, p.Mobile }).ToListAsync()).Select(p => (p.IdNumber, p.Mobile)).ToList());

    [Fact]
    public async Task A_county_users_csv_export_has_every_person_of_their_county_only_masked()
    {
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.GetAsync("/People/Export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^人才库_安吉县_\d{4}-\d{2}-\d{2}\.csv$", ExportFiles.Names(response).Name);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = CsvRows(bytes);
        Assert.Equal(["姓名", "性别", "身份证号", "手机号", "县（市、区）"], rows[0][..5]);
        var anji = await IdentifiersAsync(Anji);
        Assert.NotEmpty(anji);
        Assert.Equal(anji.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("安吉县", r[4]));
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", r[2]));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain(anji, p => text.Contains(p.Id) || p.Mobile is not null && text.Contains(p.Mobile));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Export && a.UserName == "anji.clerk" && a.EntityType == "Person" && a.Changes!.Contains($"rows={anji.Count}"))));
    }

    [Fact]
    public async Task An_xlsx_export_applies_the_list_filters_and_masks()
    {
        var client = await App.LoginAsync("city.officer");

        var bytes = await client.GetByteArrayAsync($"/People/Export?format=xlsx&County={Wuxing}&Sort=name");

        var rows = XlsxRows(bytes);
        Assert.Equal("身份证号", rows[0]["C"]);
        var wuxing = await IdentifiersAsync(Wuxing);
        Assert.NotEmpty(wuxing);
        Assert.Equal(wuxing.Count, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal("吴兴区", r["E"]));
        var ids = rows.Skip(1).Select(r => (string)r["C"]!).ToList();
        Assert.DoesNotContain(wuxing, p => ids.Contains(p.Id));
        Assert.All(ids, id => Assert.Contains("********", id));
    }

    [Fact]
    public async Task A_search_by_full_id_number_exports_that_person_and_the_audit_keeps_the_number_masked()
    {
        var client = await App.LoginAsync("city.officer");
        var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Select(p => new { p.Name, p.IdNumber }).FirstAsync());

        var rows = CsvRows(await client.GetByteArrayAsync($"/People/Export?format=csv&Q={person.IdNumber}"));

        Assert.Equal(person.Name, Assert.Single(rows.Skip(1))[0]);
        // Other tests in the shared database write export entries without a note (AuditVocabularyTests): only notes are read.
        var audits = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Export && a.Changes != null).Select(a => a.Changes!).ToListAsync());
        Assert.DoesNotContain(audits, a => a.Contains(person.IdNumber));
        Assert.Contains(audits, a => a.Contains("q=" + person.IdNumber[..6] + "********"));
    }

    [Fact]
    public async Task A_county_user_asking_for_another_county_exports_nothing()
    {
        var client = await App.LoginAsync("anji.clerk");

        var response = await client.GetAsync($"/People/Export?format=csv&County={Wuxing}");

        // No file: back to the list, which marks the county as one it cannot filter by (ListFilterRefusalTests).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People?County={Wuxing}", response.Headers.Location!.OriginalString);
    }

    /// <summary>A family farm in 安吉县, so the entity exports have at least one row whatever the seed holds.</summary>
    private Task AddFarmAsync() => App.QueryAsync(async db =>
    {
        var leader = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.CountyCode == Anji).Select(p => p.Id).FirstAsync();
        var farm = new BusinessEntity { Name = "导出测试家庭农场" + Guid.NewGuid().ToString("N")[..6], Type = EntityType.FamilyFarm, LegalRepresentativeId = leader };
        farm.SetCreditCode(CreditCode.Create("92330523MA" + string.Concat(Guid.NewGuid().ToString("N").ToUpperInvariant()
            .Where(c => "0123456789ABCDEFGHJKLMNPQRTUWXY".Contains(c)).Take(7))), false);
        farm.MoveTo("330523108204");
        db.BusinessEntities.Add(farm);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Entity_exports_follow_the_filters_and_the_county()
    {
        await AddFarmAsync();
        var clerk = await App.LoginAsync("anji.clerk");
        var officer = await App.LoginAsync("city.officer");

        var anji = CsvRows(await clerk.GetByteArrayAsync("/Entities/Export?format=csv"));
        var farms = XlsxRows(await officer.GetByteArrayAsync("/Entities/Export?format=xlsx&Type=FamilyFarm"));

        var anjiCount = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(e => e.CountyCode == Anji));
        var farmCount = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(e => e.Type == EntityType.FamilyFarm));
        Assert.True(anjiCount > 0 && farmCount > 0);
        Assert.Equal(anjiCount, anji.Count - 1);
        Assert.All(anji.Skip(1), r => Assert.Equal("安吉县", r[5]));
        Assert.Equal(farmCount, farms.Count - 1);
        Assert.All(farms.Skip(1), r => Assert.Equal("家庭农场", r["C"]));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityType == "BusinessEntity")));
    }

    [Fact]
    public async Task An_unknown_format_is_a_bad_request_and_non_staff_cannot_export()
    {
        var officer = await App.LoginAsync("city.officer");
        var trainer = await App.LoginAsync("trainer.wang");

        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/People/Export?format=pdf")).StatusCode);
        var refused = await trainer.GetAsync("/People/Export?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
        var csv = await officer.GetAsync("/People/Export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }
}
