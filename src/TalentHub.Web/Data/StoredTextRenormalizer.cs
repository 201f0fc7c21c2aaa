using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

/// <summary>
/// One-time renormalisation of what was stored before the one text normalisation (issue 8, item 13): names of
/// people and entities, and people's ID numbers and mobiles, get <see cref="TextNormalizer.Normalize"/> (NFKC,
/// invisible characters removed, trimmed), and the keyed hashes are recomputed from the normalised identifier
/// whenever they do not match it. Runs at start-up after the migrations, in chunks of <see cref="Chunk"/> records,
/// each saved in its own short transaction through the usual interceptors (so every change is audited as the
/// system's). Resumable: it changes only what still differs, so a run cut short is finished by the next start;
/// a completed run leaves a <see cref="JobRun"/> named <see cref="MarkerName"/>, after which it does nothing.
/// An identifier whose normalised form belongs to another record is left as it is and logged for staff.
/// </summary>
public sealed class StoredTextRenormalizer(TalentHubDbContext db, PersonalDataProtector protector, TimeProvider clock,
    ILogger<StoredTextRenormalizer> log)
{
    public const string MarkerName = "TextRenormalisation";
    private const int Chunk = 500;

    /// <returns>How many records were changed (0 once the marker exists).</returns>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        if (await db.JobRuns.AnyAsync(r => r.JobName == MarkerName && r.Succeeded, ct)) return 0;
        var started = clock.GetUtcNow();
        var changed = 0;
        for (var lastId = 0; ;)
        {
            var people = await db.People.IgnoreQueryFilters().Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(Chunk).ToListAsync(ct);
            if (people.Count == 0) break;
            lastId = people[^1].Id;
            foreach (var person in people)
                if (await RenormalizeAsync(person, ct)) changed++;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        for (var lastId = 0; ;)
        {
            var entities = await db.BusinessEntities.IgnoreQueryFilters().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(Chunk).ToListAsync(ct);
            if (entities.Count == 0) break;
            lastId = entities[^1].Id;
            foreach (var entity in entities.Where(e => Differs(e.Name)))
            {
                entity.Name = entity.Name;
                changed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.JobRuns.Add(new JobRun { JobName = MarkerName, StartedAt = started, FinishedAt = clock.GetUtcNow(), Succeeded = true, Message = $"Changed={changed}" });
        await db.SaveChangesAsync(ct);
        if (changed > 0) log.LogInformation("Renormalised the stored names and identifiers of {Count} records", changed);
        return changed;
    }

    /// <summary>True when <paramref name="text"/> is not already in its normalised form (and something visible is left).</summary>
    private static bool Differs(string? text) => text is not null && TextNormalizer.Normalize(text) is { Length: > 0 } clean && clean != text;

    private async Task<bool> RenormalizeAsync(Domain.People.Person person, CancellationToken ct)
    {
        var changed = false;
        if (Differs(person.Name))
        {
            person.Name = person.Name; // the setter normalises
            changed = true;
        }
        var idText = TextNormalizer.Normalize(person.IdNumber);
        if ((idText != person.IdNumber || protector.Hash(idText) != person.IdNumberHash)
            && IdNumber.TryParse(idText, clock, out var id, out _))
        {
            var hash = protector.Hash(id.Value);
            if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == hash && p.Id != person.Id, ct))
                log.LogWarning("Person {Id}: the normalised ID number belongs to another person; left for staff to resolve", person.Id);
            else
            {
                person.SetIdNumber(id, hash);
                changed = true;
            }
        }
        if (person.Mobile is { } mobile)
        {
            var mobileText = TextNormalizer.Normalize(mobile);
            if ((mobileText != mobile || protector.Hash(mobileText) != person.MobileHash) && MobileNumber.TryParse(mobileText, out var clean))
            {
                person.SetMobile(clean, protector.Hash);
                changed = true;
            }
        }
        return changed;
    }
}
