using TalentHub.Web.Services.Audit;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Services.People;

/// <summary>
/// The filters and sort of the people list, shared by the page and its export so both show the same rows.
/// Bound from the query string; region scope is already applied by the DbContext.
/// </summary>
public sealed class PeopleFilter
{
    [Display(Name = "People.Filter.County")] public string? County { get; set; }
    [Display(Name = "People.Filter.Township")] public string? Township { get; set; }
    [Display(Name = "People.Filter.Category")] public TalentCategory? Category { get; set; }
    public string? Industry { get; set; }
    [Display(Name = "People.Filter.Education")] public EducationLevel? Education { get; set; }
    /// <summary>Name fragment, the last 4 digits of a mobile, or a full ID number.</summary>
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    /// <summary>
    /// False (the value marked, <see cref="Infrastructure.ListFilters.CheckCountyAndTownship"/>) when the county or township
    /// is not a region of that level within <paramref name="scopeCounty"/> (null: the whole city) or a value could not be
    /// bound: the list and its export show nothing.
    /// </summary>
    public bool Check(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, RegionTree tree, string? scopeCounty,
        Microsoft.Extensions.Localization.IStringLocalizer l) =>
        Infrastructure.ListFilters.CheckCountyAndTownship(state, County, Township, tree, scopeCounty, l);

    /// <summary>
    /// The filtered, sorted people. A name fragment of two or more characters is looked up through
    /// <paramref name="nameGrams"/> (an index seek on its first bigram, then the full fragment checked on those people
    /// only); a single character is matched by scanning the names in scope.
    /// </summary>
    public IQueryable<Person> Apply(IQueryable<Person> people, IQueryable<PersonNameGram> nameGrams, PersonalDataProtector protector)
    {
        var c = Resolve(protector);
        if (c.County is { } countyCode) people = people.Where(p => p.CountyCode == countyCode);
        if (c.TownshipPrefix is { } prefix) people = people.Where(p => p.RegionCode.StartsWith(prefix));
        if (c.Category is { } category) people = people.Where(p => p.Categories.Any(x => x.Category == category));
        if (c.Industry is { } industry) people = people.Where(p => p.Industry == industry);
        if (c.Education is { } education) people = people.Where(p => p.Education == education);
        if (c.IdNumberHash is { } idHash) people = people.Where(p => p.IdNumberHash == idHash);
        else if (c.MobileTail is { } tail) people = people.Where(p => p.MobileTail == tail);
        else if (c.MobileHash is { } mobileHash) people = people.Where(p => p.MobileHash == mobileHash);
        else if (c.Gram is { } gram)
        {
            var q = c.Name!;
            var candidates = nameGrams.Where(g => g.Gram == gram).Select(g => g.PersonId);
            people = people.Where(p => candidates.Contains(p.Id) && p.Name.Contains(q));
        }
        else if (c.Name is { } name) people = people.Where(p => p.Name.Contains(name));
        return (c.Sort, c.Desc) switch
        {
            (SortKey.Birth, false) => people.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
            (SortKey.Birth, true) => people.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
            (SortKey.Created, false) => people.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            (SortKey.Created, true) => people.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            (SortKey.Region, false) => people.OrderBy(p => p.RegionCode).ThenBy(p => p.Id),
            (SortKey.Region, true) => people.OrderByDescending(p => p.RegionCode).ThenBy(p => p.Id),
            (_, true) => people.OrderByDescending(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).ThenBy(p => p.Id),
            _ => people.OrderBy(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).ThenBy(p => p.Id),
        };
    }

    /// <summary>The list's sort column (ties broken by id).</summary>
    public enum SortKey { Name, Birth, Created, Region }

    /// <summary>
    /// The filter reduced to the conditions it puts on people (at most one of the Q conditions is set), shared by
    /// <see cref="Apply"/> (EF) and the registry list's SQLite reader (<see cref="PeopleListSqlite"/>), so both select
    /// the same rows.
    /// </summary>
    public sealed record Criteria(string? County, string? TownshipPrefix, TalentCategory? Category, string? Industry,
        EducationLevel? Education, string? IdNumberHash, string? MobileTail, string? MobileHash, string? Gram, string? Name,
        SortKey Sort, bool Desc);

    /// <summary>The conditions of this filter; <paramref name="protector"/> hashes a full ID or mobile number.</summary>
    public Criteria Resolve(PersonalDataProtector protector)
    {
        string? idHash = null, tail = null, mobileHash = null, gram = null, name = null;
        if (TextNormalizer.Clean(Q) is { } q)
        {
            // Any well-formed number is searched for, whatever its birth date.
            if (IdNumber.TryParse(q, DateOnly.MaxValue, out var id, out _)) idHash = protector.Hash(id.Value);
            else if (q.Length == 4 && q.All(char.IsAsciiDigit)) tail = q;
            else if (MobileNumber.TryParse(q, out var mobile)) mobileHash = protector.Hash(mobile);
            else
            {
                gram = PersonNameGram.Of(q);
                name = q;
            }
        }
        var sort = Sort switch { "birth" => SortKey.Birth, "created" => SortKey.Created, "region" => SortKey.Region, _ => SortKey.Name };
        return new Criteria(string.IsNullOrEmpty(County) ? null : County, Township is { Length: 12 } ? Township[..9] : null,
            Category, string.IsNullOrWhiteSpace(Industry) ? null : Industry, Education, idHash, tail, mobileHash, gram, name, sort, Desc);
    }

    /// <summary>Adds the set filter values to an export's audit note (a searched ID number or mobile masked).</summary>
    public AuditNote AuditNote(AuditNote note) => note.With(AuditNoteKeys.County, County).With(AuditNoteKeys.Township, Township)
        .With(AuditNoteKeys.Category, Category).With(AuditNoteKeys.Industry, Industry).With(AuditNoteKeys.Education, Education)
        .With(AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Q) ? null : Spreadsheets.ExportLinks.MaskSearch(Q));

    /// <summary>The filter as query-string values (nulls dropped by <see cref="Spreadsheets.ExportLinks.Url"/>), so an export applies the same filters.</summary>
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["County"] = County, ["Township"] = Township, ["Category"] = Category?.ToString(), ["Industry"] = Industry,
        ["Education"] = Education?.ToString(), ["Q"] = Q, ["Sort"] = Sort, ["Desc"] = Desc ? "true" : null,
    };
}
