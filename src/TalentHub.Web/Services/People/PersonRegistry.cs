using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Services.People;

/// <summary>
/// The registry rules that need the database: identifiers parsed and hashed, duplicates refused
/// city-wide (naming only the county that holds the record; a number held by a pending import is refused as
/// "being imported", never shown as a record). Used by the forms, the import and sign-up.
/// </summary>
public sealed class PersonRegistry(TalentHubDbContext db, PersonalDataProtector protector, TimeProvider clock, RegionDirectory regions)
{
    /// <summary>Today in Asia/Shanghai by the registry's clock: the latest date of an event that already happened.</summary>
    public DateOnly Today => clock.ShanghaiToday();

    /// <summary>
    /// The ID number, with birth dates up to today in Asia/Shanghai. Throws <see cref="DomainException"/>
    /// <c>IdNumber.{<see cref="IdNumberError"/>}</c> (field IdNumber) when it is not a valid GB 11643 number.
    /// </summary>
    public IdNumber ParseIdNumber(string? input)
    {
        return IdNumber.TryParse(input, clock, out var id, out var error)
            ? id
            : throw new DomainException("IdNumber." + error, nameof(Person.IdNumber));
    }

    /// <summary>Null for an empty input; a DomainException for a malformed one.</summary>
    public static string? ParseMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        return MobileNumber.TryParse(input, out var mobile) ? mobile : throw new DomainException("Person.MobileInvalid", nameof(Person.Mobile));
    }

    /// <summary>The keyed lookup hash (64 hex digits) of an already normalized identifier.</summary>
    public string Hash(string normalized) => protector.Hash(normalized);

    /// <summary>Refuses an ID number registered anywhere in the city (other than <paramref name="exceptPersonId"/>).</summary>
    public async Task EnsureNotDuplicateAsync(IdNumber id, int? exceptPersonId = null, CancellationToken ct = default)
    {
        var hash = protector.Hash(id.Value);
        // Deliberately outside the region scope: duplicates are city-wide.
        var county = await db.People.IgnoreQueryFilters([RegionFilter.Name])
            .Where(p => p.IdNumberHash == hash && p.Id != exceptPersonId)
            .Select(p => p.CountyCode)
            .FirstOrDefaultAsync(ct);
        if (county is not null)
            throw new DomainException("Person.Duplicate", nameof(Person.IdNumber),
                (await regions.GetAsync([county], ct)).NameOf(county) ?? county);
        // A pending import (not visible yet) holds the number in the unique index: say so instead of failing the save.
        if (await IsBeingImportedAsync(hash, ct))
            throw new DomainException("Person.BeingImported", nameof(Person.IdNumber));
    }

    /// <summary>True when a pending (uncommitted, invisible) import batch holds this keyed hash (issue 8, item 9).</summary>
    public Task<bool> IsBeingImportedAsync(string idNumberHash, CancellationToken ct = default) =>
        db.People.IgnoreQueryFilters().AnyAsync(p => p.IdNumberHash == idNumberHash
            && EF.Property<long?>(p, ImportBatchFilter.Column) != null, ct);

    /// <summary>Stores the ID number and mobile (11 digits, normalized; null for none) on <paramref name="person"/> with their keyed hashes.</summary>
    public void SetIdentifiers(Person person, IdNumber id, string? mobile)
    {
        person.SetIdNumber(id, protector.Hash(id.Value));
        person.SetMobile(mobile, protector.Hash);
    }
}
