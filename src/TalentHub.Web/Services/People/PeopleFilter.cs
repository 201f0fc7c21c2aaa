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
    public string? County { get; set; }
    public string? Township { get; set; }
    public TalentCategory? Category { get; set; }
    public string? Industry { get; set; }
    public EducationLevel? Education { get; set; }
    /// <summary>Name fragment, the last 4 digits of a mobile, or a full ID number.</summary>
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public bool Desc { get; set; }

    /// <summary>
    /// The filtered, sorted people. A name fragment of two or more characters is looked up through
    /// <paramref name="nameGrams"/> (an index seek on its first bigram, then the full fragment checked on those people
    /// only); a single character is matched by scanning the names in scope.
    /// </summary>
    public IQueryable<Person> Apply(IQueryable<Person> people, IQueryable<PersonNameGram> nameGrams, PersonalDataProtector protector)
    {
        if (!string.IsNullOrEmpty(County)) people = people.Where(p => p.CountyCode == County);
        if (Township is { Length: 12 }) people = people.Where(p => p.RegionCode.StartsWith(Township.Substring(0, 9)));
        if (Category is { } category) people = people.Where(p => p.Categories.Any(c => c.Category == category));
        if (!string.IsNullOrWhiteSpace(Industry)) people = people.Where(p => p.Industry == Industry);
        if (Education is { } education) people = people.Where(p => p.Education == education);
        if (TextNormalizer.Clean(Q) is { } q)
        {
            if (IdNumber.TryParse(q, out var id, out _))
            {
                var hash = protector.Hash(id.Value);
                people = people.Where(p => p.IdNumberHash == hash);
            }
            else if (q.Length == 4 && q.All(char.IsAsciiDigit)) people = people.Where(p => p.MobileTail == q);
            else if (MobileNumber.TryParse(q, out var mobile))
            {
                var hash = protector.Hash(mobile);
                people = people.Where(p => p.MobileHash == hash);
            }
            else if (PersonNameGram.Of(q) is { } gram)
            {
                var candidates = nameGrams.Where(g => g.Gram == gram).Select(g => g.PersonId);
                people = people.Where(p => candidates.Contains(p.Id) && p.Name.Contains(q));
            }
            else people = people.Where(p => p.Name.Contains(q));
        }
        return (Sort, Desc) switch
        {
            ("birth", false) => people.OrderBy(p => p.BirthDate).ThenBy(p => p.Id),
            ("birth", true) => people.OrderByDescending(p => p.BirthDate).ThenBy(p => p.Id),
            ("created", false) => people.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            ("created", true) => people.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            ("region", false) => people.OrderBy(p => p.RegionCode).ThenBy(p => p.Id),
            ("region", true) => people.OrderByDescending(p => p.RegionCode).ThenBy(p => p.Id),
            (_, true) => people.OrderByDescending(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).ThenBy(p => p.Id),
            _ => people.OrderBy(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).ThenBy(p => p.Id),
        };
    }

    /// <summary>The filter as query values, for paging links and the export buttons.</summary>
    public Dictionary<string, string?> ToQuery() => new()
    {
        ["County"] = County, ["Township"] = Township, ["Category"] = Category?.ToString(), ["Industry"] = Industry,
        ["Education"] = Education?.ToString(), ["Q"] = Q, ["Sort"] = Sort, ["Desc"] = Desc ? "true" : null,
    };
}
