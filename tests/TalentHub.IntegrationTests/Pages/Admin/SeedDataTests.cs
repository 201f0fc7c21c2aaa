using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>What the demo app holds after seeding: enough people and entities, valid identifiers, and nothing twice.</summary>
public sealed class SeedDataTests(TalentHubFactory app) : AppTest(app)
{
    private static readonly string[] Counties = ["330502000000", "330503000000", "330521000000", "330522000000", "330523000000"];

    [Fact]
    public async Task People_AreAtLeast300_InAllFiveCounties_WithEveryCategory()
    {
        var byCounty = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).GroupBy(p => p.CountyCode)
            .Select(g => new { County = g.Key, Count = g.Count() }).ToListAsync());
        var categories = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .SelectMany(p => p.Categories).Select(c => c.Category).Distinct().ToListAsync());
        var localTypes = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).SelectMany(p => p.Categories)
            .Where(c => c.LocalTalentType != null).Select(c => c.LocalTalentType).Distinct().CountAsync());
        var ventures = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Venture != null && p.Venture.Name != null));

        Assert.True(byCounty.Sum(c => c.Count) >= 300);
        Assert.All(Counties, county => Assert.Contains(byCounty, c => c.County == county && c.Count >= 40));
        Assert.Equal(Enum.GetValues<TalentCategory>().Order(), categories.Order());
        Assert.Equal(Enum.GetValues<LocalTalentType>().Length, localTypes);
        Assert.True(ventures >= 40, $"{ventures} ventures");
    }

    [Fact]
    public async Task Entities_AreAtLeast60_OfEveryTypeAndStatus_InAllFiveCounties()
    {
        var entities = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Select(e => new { e.Type, e.Status, e.CountyCode }).ToListAsync());

        Assert.True(entities.Count >= 60);
        Assert.Equal(Enum.GetValues<EntityType>().Order(), entities.Select(e => e.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<EntityStatus>().Order(), entities.Select(e => e.Status).Distinct().Order());
        Assert.All(Counties, county => Assert.Contains(entities, e => e.CountyCode == county));
    }

    [Fact]
    public async Task EverySeededIdNumberAndCreditCode_PassesItsCheckDigit()
    {
        var seededIds = SeedData.Read<List<SeedData.PersonRow>>("people.json").Select(p => p.IdNumber).ToHashSet();
        var seededCodes = SeedData.Read<List<SeedData.EntityRow>>("entities.json").Select(e => e.CreditCode).ToHashSet();
        var ids = (await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Select(p => p.IdNumber).ToListAsync()))
            .Where(seededIds.Contains).ToList();
        var codes = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => seededCodes.Contains(e.CreditCode)).Select(e => new { e.CreditCode, e.CreditCodeWarningConfirmed }).ToListAsync());

        Assert.True(seededIds.Count >= 100, $"{seededIds.Count} seeded people");
        Assert.True(seededCodes.Count >= 60, $"{seededCodes.Count} seeded entities");
        Assert.Equal(seededIds.Count, ids.Count);
        Assert.All(ids, id => Assert.True(IdNumber.TryParse(id, TimeProvider.System, out _, out var error), error.ToString()));
        Assert.Equal(seededCodes.Count, codes.Count);
        Assert.All(codes, c =>
        {
            Assert.Equal(CreditCodeCheck.Valid, CreditCode.Check(c.CreditCode));
            Assert.False(c.CreditCodeWarningConfirmed);
        });
    }

    [Fact]
    public async Task SeededApprovals_WereCheckedBySomeoneOtherThanTheSubmitter_AndByRealUsers()
    {
        var seededCodes = SeedData.Read<List<SeedData.EntityRow>>("entities.json").Select(e => e.CreditCode).ToList();
        var approvals = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => seededCodes.Contains(e.CreditCode) && e.Status == EntityStatus.Approved)
            .Select(e => new { e.SubmittedByUserId, Checkers = e.History.Where(h => h.To == EntityStatus.Approved).Select(h => h.ByUserId).ToList() })
            .ToListAsync());
        var userIds = (await App.QueryAsync(db => db.Users.Select(u => u.Id).ToListAsync())).ToHashSet();

        Assert.NotEmpty(approvals);
        Assert.All(approvals, a =>
        {
            Assert.Contains(a.SubmittedByUserId!, userIds);
            Assert.NotEmpty(a.Checkers);
            Assert.All(a.Checkers, checker => Assert.NotEqual(a.SubmittedByUserId, checker));
            Assert.All(a.Checkers, checker => Assert.Contains(checker, userIds));
        });
    }

    [Fact]
    public async Task SomeVentures_AreLinkedToTheEntityTheirOwnerRepresents()
    {
        var linked = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.Venture != null && p.Venture.EntityId != null)
            .Select(p => new { p.Id, EntityId = p.Venture!.EntityId!.Value }).ToListAsync());
        var entityIds = linked.Select(l => l.EntityId).ToList();
        var representatives = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => entityIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.LegalRepresentativeId));

        Assert.NotEmpty(linked);
        Assert.Contains(linked, l => representatives[l.EntityId] == l.Id);
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        var before = await CountsAsync();

        await App.Services.SeedTalentHubAsync();

        Assert.Equal(before, await CountsAsync());
    }

    private Task<string> CountsAsync() => App.QueryAsync(async db => string.Join(", ",
        await db.Regions.CountAsync(),
        await db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(),
        await db.People.IgnoreQueryFilters([RegionFilter.Name]).SelectMany(p => p.Categories).CountAsync(),
        await db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Venture != null && p.Venture.EntityId != null),
        await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(),
        await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).SelectMany(e => e.People).CountAsync(),
        await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).SelectMany(e => e.History).CountAsync(),
        await db.Users.CountAsync(),
        await db.UserRoles.CountAsync(),
        await db.AuditEntries.CountAsync()));
}
