using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.Web.Pages.Entities;

/// <summary>A person offered in a select: name with the masked ID number (never in clear).</summary>
public sealed record PersonChoice(int Id, string Label);

/// <summary>
/// Finds people within the user's scope (the region query filter applies) to pick as legal
/// representative or to link: by full ID number (keyed hash), mobile tail or name fragment.
/// </summary>
public static class PersonChoices
{
    public const int Limit = 50;

    public static async Task<IReadOnlyList<PersonChoice>> FindAsync(TalentHubDbContext db, PersonalDataProtector protector,
        string? who, int? selectedId = null, CancellationToken ct = default)
    {
        var query = new PeopleFilter { Q = who }.Apply(db.People.AsNoTracking(), db.PersonNameGrams, protector);
        var found = await query.Take(Limit)
            .Select(p => new { p.Id, p.Name, p.IdNumber }).ToListAsync(ct);
        if (selectedId is { } selected && found.All(p => p.Id != selected))
        {
            var current = await db.People.AsNoTracking().Where(p => p.Id == selected)
                .Select(p => new { p.Id, p.Name, p.IdNumber }).FirstOrDefaultAsync(ct);
            if (current is not null) found.Insert(0, current);
        }
        return found.Select(p => new PersonChoice(p.Id, $"{p.Name}（{Masking.IdNumber(p.IdNumber)}）")).ToList();
    }
}
