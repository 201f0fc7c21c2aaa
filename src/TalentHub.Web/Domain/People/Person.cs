using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Domain.People;

/// <summary>One real person in the talent registry, keyed by the resident ID number.</summary>
public sealed class Person : IRegionOwned, IAudited, IStamped, IVersioned
{
    /// <summary>
    /// The youngest a farmer may be to sign up online: the programmes' default minimum age (PRODUCT.md §5, 16 and over).
    /// Staff may still register a younger person.
    /// </summary>
    public const int SelfRegistrationMinAge = 16;

    /// <summary>
    /// Refuses online sign-up for a holder of <paramref name="id"/> younger than <see cref="SelfRegistrationMinAge"/> on
    /// <paramref name="today"/> (the Asia/Shanghai date). Throws <see cref="DomainException"/> <c>Register.TooYoung</c> (field IdNumber).
    /// </summary>
    public static void CheckSelfRegistrationAge(IdNumber id, DateOnly today)
    {
        if (id.AgeOn(today) < SelfRegistrationMinAge)
            throw new DomainException("Register.TooYoung", nameof(IdNumber), SelfRegistrationMinAge);
    }

    public int Id { get; private set; }
    private string _name = "";

    /// <summary>Normalised on every write (<see cref="Common.TextNormalizer"/>), so a name typed, imported or signed up with means one thing.</summary>
    public string Name { get => _name; set => _name = Common.TextNormalizer.Normalize(value); }

    /// <summary>Stored encrypted; <see cref="IdNumberHash"/> is the keyed hash used for lookups and duplicates.</summary>
    public string IdNumber { get; private set; } = "";
    public string IdNumberHash { get; private set; } = "";
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }

    public string? Mobile { get; private set; }
    public string? MobileHash { get; private set; }
    public string? MobileTail { get; private set; }
    /// <summary>Optional; used only to send notifications by e-mail when SMTP is configured. Stored encrypted.</summary>
    public string? Email { get; set; }

    public string RegionCode { get; private set; } = "";
    public string CountyCode { get; private set; } = "";

    public EducationLevel? Education { get; set; }
    public string? Industry { get; set; }
    /// <summary>Free tags, separated by commas.</summary>
    public string? Skills { get; set; }
    public string? CertificatesHeld { get; set; }
    public IncomeBand? IncomeBand { get; set; }
    public string? Notes { get; set; }

    public List<PersonCategory> Categories { get; private set; } = [];
    /// <summary>Present only for returning or incoming entrepreneurs.</summary>
    public Venture? Venture { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// Stores the ID number with its keyed lookup hash (64 hex digits, <c>PersonalDataProtector.Hash</c>) and takes sex and
    /// birth date from it (GB 11643), overwriting what was entered; check agreement first with <see cref="CheckAgreesWithIdNumber"/>.
    /// </summary>
    public void SetIdNumber(IdNumber id, string hash)
    {
        IdNumber = id.Value;
        IdNumberHash = hash;
        Sex = id.Sex;
        BirthDate = id.BirthDate;
    }

    /// <summary>
    /// Stores the mobile as its 11 ASCII digits (1 then 3–9; full-width digits, spaces, hyphens and a +86 prefix are
    /// normalized by <see cref="MobileNumber.TryParse"/>) with its keyed hash (for sign-up matching) and its last four
    /// digits (for search on the masked number); null or blank clears all three. Throws <see cref="DomainException"/>
    /// <c>Person.MobileInvalid</c> (field Mobile) for anything else, leaving the stored number unchanged.
    /// </summary>
    /// <param name="mobile">The number as typed, imported or stored.</param>
    /// <param name="hash">The keyed lookup hash of the normalized number (<c>PersonalDataProtector.Hash</c>).</param>
    public void SetMobile(string? mobile, Func<string, string> hash)
    {
        if (string.IsNullOrWhiteSpace(mobile))
        {
            (Mobile, MobileHash, MobileTail) = (null, null, null);
            return;
        }
        if (!MobileNumber.TryParse(mobile, out var normalized))
            throw new DomainException("Person.MobileInvalid", nameof(Mobile));
        (Mobile, MobileHash, MobileTail) = (normalized, hash(normalized), normalized[^4..]);
    }

    /// <summary>
    /// Replaces the categories. A local talent needs its subtype; a venture is kept only for entrepreneurs.
    /// </summary>
    public void SetCategories(IEnumerable<TalentCategory> categories, LocalTalentType? localTalentType, Venture? venture)
    {
        var wanted = categories.Distinct().ToList();
        CheckCategories(wanted, localTalentType, hasVenture: venture is not null);

        Categories.RemoveAll(c => !wanted.Contains(c.Category)
            || (c.Category == TalentCategory.LocalTalent && c.LocalTalentType != localTalentType));
        foreach (var category in wanted.Where(w => Categories.All(c => c.Category != w)))
            Categories.Add(new PersonCategory
            {
                Category = category,
                LocalTalentType = category == TalentCategory.LocalTalent ? localTalentType : null,
            });
        Venture = wanted.Contains(TalentCategory.ReturningEntrepreneur) ? venture : null;
    }

    /// <summary>Adds one category that needs no details (e.g. 高素质农民 on completing subsidised training); true when added.</summary>
    public bool Grant(TalentCategory category)
    {
        if (category is TalentCategory.LocalTalent or TalentCategory.ReturningEntrepreneur)
            throw new DomainException("Person.CategoryNeedsDetails", nameof(Categories));
        if (Has(category)) return false;
        Categories.Add(new PersonCategory { Category = category });
        return true;
    }

    /// <summary>
    /// At least one category; a local talent needs its type; a returning entrepreneur needs the venture block
    /// (PRODUCT.md §3). Checked before anything is written, so a form can show every problem at once.
    /// </summary>
    public static void CheckCategories(IEnumerable<TalentCategory> categories, LocalTalentType? localTalentType, bool hasVenture)
    {
        var wanted = categories.Distinct().ToList();
        if (wanted.Count == 0)
            throw new DomainException("Person.CategoryRequired", nameof(Categories));
        if (wanted.Contains(TalentCategory.LocalTalent) && localTalentType is null)
            throw new DomainException("Person.LocalTalentTypeRequired", nameof(LocalTalentType));
        if (wanted.Contains(TalentCategory.ReturningEntrepreneur) && !hasVenture)
            throw new DomainException("Person.VentureRequired", nameof(Venture));
    }

    public bool Has(TalentCategory category) => Categories.Any(c => c.Category == category);

    /// <summary>Birth date and sex are read from the ID number; what the user typed must agree with it.</summary>
    public static void CheckAgreesWithIdNumber(IdNumber id, DateOnly? enteredBirthDate, Sex? enteredSex)
    {
        if (enteredBirthDate is { } birth && birth != id.BirthDate)
            throw new DomainException("Person.BirthDateDisagrees", nameof(BirthDate));
        if (enteredSex is { } sex && sex != id.Sex)
            throw new DomainException("Person.SexDisagrees", nameof(Sex));
    }

    /// <summary>
    /// Places the person in their village (行政村/社区: a 12-digit code of village level, PRODUCT.md §3) and derives the
    /// county. Throws <see cref="DomainException"/> <c>Person.VillageInvalid</c> (field RegionCode) for a township,
    /// county or city code or anything that is not a 12-digit code, leaving the place unchanged. Whether the village
    /// exists and lies in the user's scope is the caller's check (the regions table).
    /// </summary>
    public void MoveTo(string villageCode)
    {
        if (!Regions.RegionCodes.IsValid(villageCode) || Regions.RegionCodes.LevelOf(villageCode) != Regions.RegionLevel.Village)
            throw new DomainException("Person.VillageInvalid", nameof(RegionCode));
        RegionCode = villageCode;
        CountyCode = Regions.RegionCodes.CountyOf(villageCode)!;
    }
}
