using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Domain.Entities;

/// <summary>A new agricultural business entity (新型农业经营主体): cooperative, family farm, leading enterprise or service organisation.</summary>
public sealed class BusinessEntity : IRegionOwned, IAudited, IStamped, IVersioned
{
    public int Id { get; private set; }
    private string _name = "";

    /// <summary>Normalised on every write (<see cref="Common.TextNormalizer"/>), so a name typed, imported or signed up with means one thing.</summary>
    public string Name { get => _name; set => _name = Common.TextNormalizer.Normalize(value); }
    public string CreditCode { get; private set; } = "";
    /// <summary>An officer confirmed a code whose check digit fails (legally issued early pilot codes).</summary>
    public bool CreditCodeWarningConfirmed { get; private set; }
    public EntityType Type { get; set; }
    public int LegalRepresentativeId { get; set; }
    public DateOnly? RegisteredOn { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string CountyCode { get; private set; } = "";
    public string? Address { get; set; }
    public string? Industry { get; set; }
    /// <summary>亩, may be fractional.</summary>
    public decimal? LandArea { get; set; }
    public string? LivestockScale { get; set; }
    /// <summary>成员数: cooperatives only (<see cref="SetMembers"/>).</summary>
    public int? Members { get; private set; }
    /// <summary>家庭劳动力: family farms only (<see cref="SetFamilyLabour"/>).</summary>
    public int? FamilyLabour { get; private set; }
    public int? Employees { get; set; }
    public int? HouseholdsDriven { get; set; }
    /// <summary>万元.</summary>
    public decimal? AnnualRevenue { get; set; }
    public DemonstrationLevel? Rating { get; set; }
    public int? RatingYear { get; set; }

    public EntityStatus Status { get; private set; } = EntityStatus.Draft;
    public string? SubmittedByUserId { get; private set; }
    public List<EntityMember> People { get; private set; } = [];
    public List<EntityStatusChange> History { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// Wrong length or alphabet is an error; a failed check digit is a warning the user must confirm.
    /// Cooperatives' codes start with 93, family farms' with 92 or 91.
    /// </summary>
    public void SetCreditCode(string input, bool warningConfirmed)
    {
        var code = CheckCreditCode(input, warningConfirmed);
        if (Type == EntityType.Cooperative && !code.StartsWith("93", StringComparison.Ordinal))
            throw new DomainException("CreditCode.CooperativePrefix", nameof(CreditCode));
        if (Type == EntityType.FamilyFarm && !code.StartsWith("92", StringComparison.Ordinal) && !code.StartsWith("91", StringComparison.Ordinal))
            throw new DomainException("CreditCode.FamilyFarmPrefix", nameof(CreditCode));
        CreditCode = code;
        CreditCodeWarningConfirmed = Common.CreditCode.Check(code) == CreditCodeCheck.CheckDigitMismatch;
    }

    /// <summary>
    /// The rules of a credit code that hold whatever the entity's type: wrong length or alphabet is an error, a failed check
    /// digit a warning the user must confirm (both <see cref="DomainException"/> on <c>CreditCode</c>). Returns the code normalized.
    /// </summary>
    public static string CheckCreditCode(string input, bool warningConfirmed)
    {
        var code = Common.CreditCode.Normalize(input);
        switch (Common.CreditCode.Check(code))
        {
            case CreditCodeCheck.Empty: throw new DomainException("CreditCode.Empty", nameof(CreditCode));
            case CreditCodeCheck.WrongLength: throw new DomainException("CreditCode.WrongLength", nameof(CreditCode));
            case CreditCodeCheck.InvalidCharacters: throw new DomainException("CreditCode.InvalidCharacters", nameof(CreditCode));
            case CreditCodeCheck.CheckDigitMismatch when !warningConfirmed:
                throw new DomainException("CreditCode.CheckDigitWarning", nameof(CreditCode));
        }
        return code;
    }

    /// <summary>Whether entities of <paramref name="type"/> record <see cref="Members"/> (成员数): cooperatives only (PRODUCT.md §4).</summary>
    public static bool RecordsMembers(EntityType type) => type == EntityType.Cooperative;

    /// <summary>Whether entities of <paramref name="type"/> record <see cref="FamilyLabour"/> (家庭劳动力): family farms only (PRODUCT.md §4).</summary>
    public static bool RecordsFamilyLabour(EntityType type) => type == EntityType.FamilyFarm;

    /// <summary>
    /// The members (成员数) of a cooperative; null clears them. Set <see cref="Type"/> first: another kind records no
    /// members, so a value for it throws <see cref="DomainException"/> <c>Entity.MembersCooperativeOnly</c> (nothing is
    /// dropped silently: the user clears the field or corrects the type).
    /// </summary>
    public void SetMembers(int? members)
    {
        if (members is not null && !RecordsMembers(Type)) throw new DomainException("Entity.MembersCooperativeOnly", nameof(Members));
        Members = members;
    }

    /// <summary>
    /// The family labour (家庭劳动力) of a family farm; null clears it. Set <see cref="Type"/> first: a value for another
    /// kind throws <see cref="DomainException"/> <c>Entity.FamilyLabourFamilyFarmOnly</c>.
    /// </summary>
    public void SetFamilyLabour(int? familyLabour)
    {
        if (familyLabour is not null && !RecordsFamilyLabour(Type)) throw new DomainException("Entity.FamilyLabourFamilyFarmOnly", nameof(FamilyLabour));
        FamilyLabour = familyLabour;
    }

    /// <summary>
    /// The registration date (登记日期), an event already past: not after <paramref name="today"/> (the Asia/Shanghai date;
    /// review14 found 2099-01-01 accepted). Null clears it. Throws <see cref="DomainException"/> <c>Entity.RegisteredInFuture</c>.
    /// </summary>
    public void SetRegisteredOn(DateOnly? date, DateOnly today)
    {
        if (date > today) throw new DomainException("Entity.RegisteredInFuture", nameof(RegisteredOn));
        RegisteredOn = date;
    }

    /// <summary>
    /// The demonstration rating (示范社 / 示范家庭农场 / 龙头企业) and the year it was awarded (not after the year of
    /// <paramref name="today"/>, the Asia/Shanghai date); null clears both. Throws <see cref="DomainException"/>
    /// <c>Entity.RatingYearRequired</c> for a level without a year, <c>Entity.RatingYearInFuture</c> for a year to come.
    /// </summary>
    public void SetRating(DemonstrationLevel? level, int? year, DateOnly today)
    {
        if (level is not null && year is null)
            throw new DomainException("Entity.RatingYearRequired", nameof(RatingYear));
        if (level is not null && year > today.Year)
            throw new DomainException("Entity.RatingYearInFuture", nameof(RatingYear), today.Year);
        Rating = level;
        RatingYear = level is null ? null : year;
    }

    /// <summary>
    /// Places the entity at a 12-digit region code and derives its county from it. The caller checks the code is inside
    /// the user's scope. Throws <see cref="DomainException"/> <c>Entity.RegionMustBeInCounty</c> for the city's own code.
    /// </summary>
    public void MoveTo(string regionCode)
    {
        RegionCode = regionCode;
        CountyCode = Regions.RegionCodes.CountyOf(regionCode)
            ?? throw new DomainException("Entity.RegionMustBeInCounty", nameof(RegionCode));
    }

    /// <summary>Links a person in a role, once per role; not once deregistered (<c>Entity.NotEditable</c>).</summary>
    public void Link(int personId, MemberRole role)
    {
        if (!CanChangeMembers) throw new DomainException(MembersLockedKey);
        if (People.Any(p => p.PersonId == personId && p.Role == role))
            throw new DomainException("Entity.AlreadyLinked", nameof(People));
        People.Add(new EntityMember { PersonId = personId, Role = role });
    }

    /// <summary>
    /// People can be linked and unlinked until the entity is deregistered, except while its registration is under review
    /// (Submitted): the people linked with a role are part of what the reviewer approves (PRODUCT.md §4), so nobody changes
    /// them then, as nobody edits the rest (<see cref="EntityLifecycle.IsEditable"/>; review35).
    /// </summary>
    public static bool CanChangeMembersIn(EntityStatus status) => status is not (EntityStatus.Deregistered or EntityStatus.Submitted);

    /// <summary>The message key when <see cref="CanChangeMembers"/> is false: under review, or no longer editable.</summary>
    public string MembersLockedKey => Status == EntityStatus.Submitted ? "Entity.UnderReviewNotEditable" : "Entity.NotEditable";

    /// <inheritdoc cref="CanChangeMembersIn"/>
    public bool CanChangeMembers => CanChangeMembersIn(Status);

    /// <summary>The legal representative's leader link, which stays while they represent the entity.</summary>
    public bool IsRepresentativeLink(int personId, MemberRole role) => personId == LegalRepresentativeId && role == MemberRole.Leader;

    /// <summary>
    /// Removes a linked person. Not once deregistered (<c>Entity.NotEditable</c>), and never the legal
    /// representative's leader link (<c>Entity.CannotUnlinkLegalRepresentative</c>): choose another representative first.
    /// </summary>
    public void Unlink(int memberId)
    {
        if (!CanChangeMembers) throw new DomainException(MembersLockedKey);
        if (People.FirstOrDefault(p => p.Id == memberId) is not { } member) return;
        if (IsRepresentativeLink(member.PersonId, member.Role))
            throw new DomainException("Entity.CannotUnlinkLegalRepresentative");
        People.Remove(member);
    }

    /// <summary>
    /// One lifecycle step. Maker-checker: whoever submitted cannot approve or return it.
    /// </summary>
    public void MoveStatus(EntityStatus to, string userId, string userName, bool isOfficer, string? reason, DateTimeOffset at)
    {
        if (!EntityLifecycle.CanMove(Status, to))
            throw new DomainException("Entity.TransitionNotAllowed", nameof(Status));
        if (EntityLifecycle.NeedsOfficer(to) && !isOfficer)
            throw new DomainException("Entity.OfficerOnly", nameof(Status));
        if (EntityLifecycle.NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Entity.ReasonRequired", "Reason");
        // Line breaks counted as the text box counts them (a browser posts each as CR LF); longer than the column is refused
        // here (rev35b: PostgreSQL answered a longer reason with an error page, SQLite kept it whole).
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim().ReplaceLineEndings("\n");
        if (why is { Length: > EntityStatusChange.ReasonMaxLength })
            throw new DomainException("Entity.ReasonTooLong", "Reason", EntityStatusChange.ReasonMaxLength);
        if (Status == EntityStatus.Submitted && to is EntityStatus.Approved or EntityStatus.Returned && SubmittedByUserId == userId)
            throw new DomainException("Entity.MakerCannotCheck", nameof(Status));

        History.Add(new EntityStatusChange
        {
            From = Status, To = to, ByUserId = userId, ByName = userName, At = at,
            Reason = why,
        });
        if (to == EntityStatus.Submitted) SubmittedByUserId = userId;
        Status = to;
        UpdatedAt = at;
    }
}
