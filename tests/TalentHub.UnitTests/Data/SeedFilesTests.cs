using TalentHub.Web.Infrastructure;
using System.Text.Json;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;

namespace TalentHub.UnitTests.Data;

/// <summary>The seed files themselves: valid identifiers, every category, type and status, and a lifecycle the domain accepts.</summary>
public sealed class SeedFilesTests
{
    private static readonly List<SeedData.PersonRow> People = SeedData.Read<List<SeedData.PersonRow>>("people.json");
    private static readonly List<SeedData.EntityRow> Entities = SeedData.Read<List<SeedData.EntityRow>>("entities.json");
    private static readonly string[] Counties = ["330502", "330503", "330521", "330522", "330523"];

    [Fact]
    public void People_AreAtLeast320_WithUniqueValidIdNumbersMatchingTheirCounty()
    {
        Assert.True(People.Count >= 320, $"{People.Count} people");
        Assert.Equal(People.Count, People.Select(p => p.IdNumber).Distinct().Count());
        foreach (var person in People)
        {
            Assert.True(IdNumber.TryParse(person.IdNumber, TimeProvider.System, out var id, out var error), $"{person.Name}: {error}");
            Assert.Equal(RegionCodes.CountyOf(person.Region)![..6], id.RegionPrefix);
        }
    }

    [Fact]
    public void DemoFarmers_AreTheFirstTwenty_AndTheFirstTenLiveInAnji()
    {
        for (var n = 1; n <= 20; n++) Assert.Equal($"138{n:D8}", People[n - 1].Mobile);
        Assert.All(People.Take(10), p => Assert.StartsWith("330523", p.Region));
    }

    [Fact]
    public void EveryCounty_HasEveryTalentCategory()
    {
        foreach (var county in Counties)
            foreach (var category in Enum.GetNames<TalentCategory>())
                Assert.Contains(People, p => p.Region.StartsWith(county, StringComparison.Ordinal) && p.Categories!.Contains(category));
        foreach (var type in Enum.GetNames<LocalTalentType>())
            Assert.Contains(People, p => p.LocalTalentType == type);
    }

    [Fact]
    public void AtLeastFortyReturningEntrepreneurs_HaveACompleteVenture()
    {
        var entrepreneurs = People.Where(p => p.Categories!.Contains(nameof(TalentCategory.ReturningEntrepreneur))).ToList();
        Assert.True(entrepreneurs.Count >= 40, $"{entrepreneurs.Count} entrepreneurs");
        Assert.All(entrepreneurs, p =>
        {
            Assert.NotNull(p.Venture);
            Assert.False(string.IsNullOrEmpty(p.Venture.Name));
            Assert.NotNull(p.Venture.ReturnedOn);
            Assert.True(p.Venture.Investment > 0);
            Assert.True(p.Venture.JobsCreated > 0);
        });
    }

    [Fact]
    public void EveryPersonProfile_IsAcceptedByTheDomain()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var row in People)
        {
            var person = new Person { Name = row.Name };
            SeedData.ApplyProfile(person, row, now);
            Assert.NotNull(person.Education);
            Assert.NotEmpty(person.Categories);
            Assert.Equal(row.Venture is not null, person.Venture is not null);
            Assert.True((person.Skills?.Length ?? 0) <= 200 && (person.CertificatesHeld?.Length ?? 0) <= 200, row.Name);
        }
    }

    [Fact]
    public void Entities_AreAtLeast60_OfEveryTypeAndStatus_InEveryCounty()
    {
        Assert.True(Entities.Count >= 60, $"{Entities.Count} entities");
        Assert.Equal(Enum.GetNames<EntityType>().Order(), Entities.Select(e => e.Type).Distinct().Order());
        Assert.Equal(Enum.GetNames<EntityStatus>().Order(), Entities.Select(e => e.Status).Distinct().Order());
        Assert.All(Counties, c => Assert.Contains(Entities, e => e.Region.StartsWith(c, StringComparison.Ordinal)));
        Assert.Equal(Entities.Count, Entities.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void EveryCreditCode_PassesItsCheckCharacter_AndStartsAsItsTypeRequires()
    {
        Assert.Equal(Entities.Count, Entities.Select(e => e.CreditCode).Distinct().Count());
        foreach (var entity in Entities)
        {
            Assert.Equal(CreditCodeCheck.Valid, CreditCode.Check(entity.CreditCode));
            var allowed = Enum.Parse<EntityType>(entity.Type) switch
            {
                EntityType.Cooperative => ["93"],
                EntityType.FamilyFarm => ["92", "91"],
                EntityType.LeadingEnterprise => ["91"],
                _ => new[] { "52", "91" },
            };
            Assert.Contains(entity.CreditCode[..2], allowed);
            Assert.Equal(RegionCodes.CountyOf(entity.Region)![..6], entity.CreditCode[2..8]);
        }
    }

    [Fact]
    public void EveryEntity_IsBuiltByTheDomain_WithItsHistoryReplayedByTheRightStaff()
    {
        var people = People.Select((p, i) => (p.IdNumber, Id: i + 1, County: RegionCodes.CountyOf(p.Region)!))
            .ToDictionary(p => p.IdNumber, p => (p.Id, p.County));
        var staff = Staff();
        foreach (var row in Entities)
        {
            var entity = SeedData.BuildEntity(row, TimeProvider.System.ShanghaiToday(), id => people[id], name => staff[name]);

            Assert.Equal(Enum.Parse<EntityStatus>(row.Status), entity.Status);
            Assert.Equal(row.History.Count, entity.History.Count);
            Assert.True(row.History.Select(h => h.At).Prepend(row.CreatedAt).SequenceEqual(row.History.Select(h => h.At).Prepend(row.CreatedAt).Order()),
                $"{row.Name}: history out of order");
            Assert.True(row.History.All(h => h.At < new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8))), row.Name);
            if (row.Rating is not null) Assert.Contains(row.History, h => h.To == nameof(EntityStatus.Approved));
        }
    }

    [Fact]
    public void AnjiEntities_AreSubmittedByTheClerk_AndCheckedByTheOfficer()
    {
        var anji = Entities.Where(e => e.Region.StartsWith("330523", StringComparison.Ordinal)).SelectMany(e => e.History).ToList();
        Assert.NotEmpty(anji);
        Assert.All(anji, h => Assert.Equal(h.To == nameof(EntityStatus.Submitted) ? "anji.clerk" : "anji.officer", h.By));
    }

    /// <summary>The demo staff of users.json with made-up ids; officers are the roles allowed to check.</summary>
    private static Dictionary<string, SeedData.SeedStaff> Staff()
    {
        using var users = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedData.SeedDirectory, "users.json")));
        string[] officers = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer];
        return users.RootElement.EnumerateArray().ToDictionary(
            u => u.GetProperty("userName").GetString()!,
            u => new SeedData.SeedStaff("id-" + u.GetProperty("userName").GetString(), u.GetProperty("userName").GetString()!,
                officers.Contains(u.GetProperty("role").GetString())));
    }
}
