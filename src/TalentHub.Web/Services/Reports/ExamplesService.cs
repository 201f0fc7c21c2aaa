using Microsoft.Extensions.Localization;
using TalentHub.Web.Services.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Services.Reports;

/// <summary>The subject of a typical example as the proposer sees it (from the region-scoped registry).</summary>
public sealed record ExampleSubjectInfo(ExampleSubject Kind, int Id, string Name, string RegionCode, string CountyCode);

/// <summary>
/// A typical example as shown outside the registry (dashboard, dispatch report, public page): the person's name
/// masked 张*明 (<see cref="Masking.Name"/>), also where the headline or story writes it (<see cref="Masking.NameIn"/>);
/// an entity by its registered business name.
/// </summary>
public sealed record ExampleCard(int Id, string CountyCode, ExampleSubject Subject, string MaskedName, string Title, string Story, DateOnly ApprovedOn);

/// <summary>Reads typical examples and the subjects they are proposed for (PRODUCT.md §7).</summary>
public sealed class ExamplesService(TalentHubDbContext db)
{
    /// <summary>The person or entity, when it exists in the current user's region scope (else null → 404).</summary>
    public async Task<ExampleSubjectInfo?> SubjectAsync(ExampleSubject kind, int id, CancellationToken ct = default) => kind switch
    {
        ExampleSubject.Person => await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ExampleSubjectInfo(kind, p.Id, p.Name, p.RegionCode, p.CountyCode)).FirstOrDefaultAsync(ct),
        ExampleSubject.Entity => await db.BusinessEntities.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new ExampleSubjectInfo(kind, e.Id, e.Name, e.RegionCode, e.CountyCode)).FirstOrDefaultAsync(ct),
        _ => null,
    };

    /// <summary>
    /// Approved examples, newest first, across the region scope on purpose (they are public); optionally only those of
    /// <paramref name="counties"/> and approved within [<paramref name="from"/>, <paramref name="to"/>).
    /// </summary>
    public async Task<List<ExampleCard>> ApprovedAsync(IReadOnlyCollection<string>? counties = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, int take = 50, CancellationToken ct = default)
    {
        var query = db.Examples.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().Where(e => e.Status == ExampleStatus.Approved);
        if (counties is not null) query = query.Where(e => counties.Contains(e.CountyCode));
        if (from is not null) query = query.Where(e => e.DecidedAt >= from);
        if (to is not null) query = query.Where(e => e.DecidedAt < to);
        var rows = await query.OrderByDescending(e => e.DecidedAt).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new { e.Id, e.CountyCode, e.Subject, e.PersonId, e.EntityId, e.Title, e.Story, e.DecidedAt }).ToListAsync(ct);
        var personIds = rows.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).ToList();
        var entityIds = rows.Where(r => r.EntityId != null).Select(r => r.EntityId!.Value).ToList();
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var entities = await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).Where(e => entityIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        // A person's full name written in the headline or story is masked there too (review34a: the public page showed
        // "白*婷" beside a story naming 白婷婷).
        return rows.Select(r =>
        {
            var name = r.PersonId is { } p ? people.GetValueOrDefault(p) : null;
            return new ExampleCard(r.Id, r.CountyCode, r.Subject,
                r.PersonId is not null ? Masking.Name(name) : entities.GetValueOrDefault(r.EntityId ?? 0, ""),
                Masking.NameIn(r.Title, name), Masking.NameIn(r.Story, name), ReportPeriod.DayOf(r.DecidedAt!.Value));
        }).ToList();
    }

    /// <summary>The photo of an approved example (public), or null.</summary>
    public Task<byte[]?> ApprovedPhotoAsync(int id, CancellationToken ct = default) =>
        db.Examples.IgnoreQueryFilters([RegionFilter.Name]).Where(e => e.Id == id && e.Status == ExampleStatus.Approved)
            .Select(e => e.Photo).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The cards as one sheet, as the dashboard shows them (county, masked name or business name, headline, approval
    /// day, story); <paramref name="countyName"/> names a county code in the viewer's language.
    /// </summary>
    public static SheetData Sheet(IEnumerable<ExampleCard> cards, Func<string, string> countyName, IStringLocalizer l) =>
        new(l["Sheet.Examples"], [l["Targets.County"], l["Example.Who"], l["Example.Title"], l["Example.DecidedAt"], l["Example.Story"]],
            cards.Select(c => (IReadOnlyList<object?>)[countyName(c.CountyCode), c.MaskedName, c.Title, c.ApprovedOn, c.Story]).ToList());
}
