using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// The people, entity and course lists put their rows in the order the sort link promises. The expected
/// first page is computed in memory from every visible row (names and titles in pinyin order, the
/// collation the lists use), independently of the filter classes, and compared id by id with the rendered rows.
/// </summary>
public sealed class ListSortOrderTests(TalentHubFactory app) : AppTest(app)
{
    private const int PageSize = 20;
    private static readonly IComparer<string> PinyinOrder = Comparer<string>.Create(Pinyin.Compare);

    [Theory]
    [InlineData("", false)]
    [InlineData("Sort=name&Desc=true", true)]
    public async Task People_ByName_RowsAreInNameOrder(string query, bool desc)
    {
        var all = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Select(p => new { p.Id, p.Name }).ToListAsync());
        var byName = desc ? all.OrderByDescending(p => p.Name, PinyinOrder) : all.OrderBy(p => p.Name, PinyinOrder);
        var expected = byName.ThenBy(p => p.Id).Take(PageSize).Select(p => p.Id).ToList();

        var html = await (await App.LoginAsync("city.officer")).GetStringAsync("/People?" + query);

        Assert.Equal(expected, Ids(html, @"href=""/People/(\d+)"""));
    }

    [Fact]
    public async Task People_ByBirthNewestFirst_RowsAreInBirthOrder()
    {
        var all = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.CountyCode == "330523000000")
            .Select(p => new { p.Id, p.BirthDate }).ToListAsync());
        var expected = all.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id).Take(PageSize).Select(p => p.Id).ToList();

        var html = await (await App.LoginAsync("city.officer")).GetStringAsync("/People?County=330523000000&Sort=birth&Desc=true");

        Assert.Equal(expected, Ids(html, @"href=""/People/(\d+)"""));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Entities_ByStatus_RowsAreInStatusOrder(bool desc)
    {
        var all = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).Where(e => e.Type == EntityType.FamilyFarm)
            .Select(e => new { e.Id, e.Status }).ToListAsync());
        var byStatus = desc ? all.OrderByDescending(e => e.Status) : all.OrderBy(e => e.Status);
        var expected = byStatus.ThenBy(e => e.Id).Take(PageSize).Select(e => e.Id).ToList();
        Assert.True(all.Select(e => e.Status).Distinct().Count() > 1, "the seed has family farms in one status only");

        var html = await (await App.LoginAsync("city.officer")).GetStringAsync("/Entities?Type=FamilyFarm&Sort=status" + (desc ? "&Desc=true" : ""));

        Assert.Equal(expected, Ids(html, @"<tr data-id=""(\d+)"""));
    }

    [Fact]
    public async Task Entities_ByName_RowsAreInNameOrder()
    {
        var all = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).Select(e => new { e.Id, e.Name }).ToListAsync());
        var expected = all.OrderBy(e => e.Name, PinyinOrder).ThenBy(e => e.Id).Take(PageSize).Select(e => e.Id).ToList();

        var html = await (await App.LoginAsync("city.officer")).GetStringAsync("/Entities");

        Assert.Equal(expected, Ids(html, @"<tr data-id=""(\d+)"""));
    }

    [Theory]
    [InlineData("Sort=status", "status")]
    [InlineData("Sort=status&Desc=true", "status-desc")]
    [InlineData("Sort=title", "title")]
    [InlineData("", "newest")]
    public async Task Courses_RowsAreInTheChosenOrder(string query, string order)
    {
        var all = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Select(c => new { c.Id, c.Status, c.Title }).ToListAsync());
        var sorted = order switch
        {
            "status" => all.OrderBy(c => c.Status).ThenBy(c => c.Id),
            "status-desc" => all.OrderByDescending(c => c.Status).ThenBy(c => c.Id),
            "title" => all.OrderBy(c => c.Title, PinyinOrder).ThenBy(c => c.Id),
            _ => all.OrderByDescending(c => c.Id),
        };
        var expected = sorted.Take(PageSize).Select(c => c.Id).ToList();
        Assert.True(expected.Count > 1);

        var html = await (await App.LoginAsync("city.officer")).GetStringAsync("/Courses?" + query);

        Assert.Equal(expected, Ids(html, @"<tr data-id=""(\d+)"""));
    }

    private static List<int> Ids(string html, string pattern) =>
        Regex.Matches(html, pattern).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
}
