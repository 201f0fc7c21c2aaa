using TalentHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    /// <summary>
    /// Adds the entities of seed-data/entities.json whose credit code is not there yet. Each one is built
    /// through the domain and its status history replayed with <see cref="BusinessEntity.MoveStatus"/> by the
    /// recorded staff at the recorded times, so the lifecycle and maker-checker rules hold for seed data too.
    /// Needs the people and the demo users to be seeded first.
    /// </summary>
    private static async Task SeedEntitiesAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        var existing = (await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).Select(e => e.CreditCode).ToListAsync()).ToHashSet();
        var rows = Read<List<EntityRow>>("entities.json").Where(r => !existing.Contains(CreditCode.Normalize(r.CreditCode))).ToList();
        if (rows.Count == 0) return;

        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var hashOf = rows.SelectMany(r => (r.People ?? []).Select(m => m.IdNumber).Append(r.LegalRepresentative))
            .Distinct().ToDictionary(id => id, protector.Hash);
        var hashes = hashOf.Values.ToList();
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(p => hashes.Contains(p.IdNumberHash))
            .Select(p => new { p.Id, p.IdNumberHash, p.CountyCode }).ToDictionaryAsync(p => p.IdNumberHash);
        var staff = await StaffAsync(db, rows.SelectMany(r => r.History).Select(h => h.By).Distinct().ToList());

        var added = new List<(EntityRow Row, BusinessEntity Entity)>();
        foreach (var row in rows)
        {
            var entity = BuildEntity(row, sp.GetRequiredService<TimeProvider>().ShanghaiToday(),
                idNumber => people.TryGetValue(hashOf[idNumber], out var p) ? (p.Id, p.CountyCode)
                    : throw new InvalidDataException($"seed-data/entities.json: {row.Name} refers to a person who is not seeded"),
                userName => staff.TryGetValue(userName, out var s) ? s
                    : throw new InvalidDataException($"seed-data/entities.json: {row.Name} refers to the unknown user {userName}"));
            db.BusinessEntities.Add(entity);
            added.Add((row, entity));
        }
        await db.SaveChangesAsync();

        // A returning entrepreneur's venture is the entity they represent.
        var ventures = added.Where(a => a.Row.VentureOfRepresentative).ToDictionary(a => a.Entity.LegalRepresentativeId, a => a.Entity.Id);
        if (ventures.Count == 0) return;
        var ids = ventures.Keys.ToList();
        foreach (var person in await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => ids.Contains(p.Id)).ToListAsync())
            if (person.Venture is { EntityId: null } venture) venture.EntityId = ventures[person.Id];
        await db.SaveChangesAsync();
    }

    /// <summary>The demo staff by user name, with whether they may make officer-only moves.</summary>
    private static async Task<Dictionary<string, SeedStaff>> StaffAsync(TalentHubDbContext db, List<string> userNames)
    {
        string[] officerRoles = [Roles.Admin, Roles.CityOfficer, Roles.CountyOfficer];
        var users = await db.Users.Where(u => userNames.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync();
        var userIds = users.Select(u => u.Id).ToList();
        var officers = (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => officerRoles.Contains(x.Name!)).Select(x => x.UserId).ToListAsync()).ToHashSet();
        return users.ToDictionary(u => u.UserName!, u => new SeedStaff(u.Id, u.UserName!, officers.Contains(u.Id)));
    }

    /// <summary>Builds one entity from its seed row through the domain (dates checked against <paramref name="today"/>, the Shanghai date); throws when the row breaks a rule.</summary>
    internal static BusinessEntity BuildEntity(EntityRow row, DateOnly today, Func<string, (int Id, string CountyCode)> person, Func<string, SeedStaff> staff)
    {
        var entity = new BusinessEntity
        {
            Name = row.Name, Type = Enum.Parse<EntityType>(row.Type),
            Address = row.Address, Industry = row.Industry, LandArea = row.LandArea, LivestockScale = row.LivestockScale,
            Employees = row.Employees,
            HouseholdsDriven = row.HouseholdsDriven, AnnualRevenue = row.AnnualRevenue,
            CreatedAt = row.CreatedAt, UpdatedAt = row.CreatedAt,
        };
        entity.SetMembers(row.Members);
        entity.SetFamilyLabour(row.FamilyLabour);
        entity.SetCreditCode(row.CreditCode, warningConfirmed: false);
        entity.MoveTo(row.Region);
        var representative = person(row.LegalRepresentative);
        if (representative.CountyCode != entity.CountyCode)
            throw new InvalidDataException($"seed-data/entities.json: the legal representative of {row.Name} lives in another county");
        entity.LegalRepresentativeId = representative.Id;
        entity.SetRegisteredOn(row.RegisteredOn, today);
        entity.SetRating(ParseOrNull<DemonstrationLevel>(row.Rating), row.RatingYear, today);
        foreach (var member in row.People ?? [])
            entity.Link(person(member.IdNumber).Id, Enum.Parse<MemberRole>(member.Role));
        foreach (var step in row.History)
        {
            var by = staff(step.By);
            entity.MoveStatus(Enum.Parse<EntityStatus>(step.To), by.Id, by.UserName, by.IsOfficer, step.Reason, step.At);
        }
        if (entity.Status != Enum.Parse<EntityStatus>(row.Status))
            throw new InvalidDataException($"seed-data/entities.json: the history of {row.Name} ends in {entity.Status}, not {row.Status}");
        return entity;
    }

    internal sealed record SeedStaff(string Id, string UserName, bool IsOfficer);

    internal sealed record EntityRow(
        string Name, string CreditCode, string Type, string Status, string LegalRepresentative, DateOnly? RegisteredOn,
        string Region, string? Address, string? Industry, decimal? LandArea, string? LivestockScale, int? Members,
        int? FamilyLabour, int? Employees, int? HouseholdsDriven, decimal? AnnualRevenue, string? Rating, int? RatingYear,
        List<MemberRow>? People, bool VentureOfRepresentative, DateTimeOffset CreatedAt, List<StatusRow> History);

    internal sealed record MemberRow(string IdNumber, string Role);

    internal sealed record StatusRow(string To, string By, DateTimeOffset At, string? Reason);
}
