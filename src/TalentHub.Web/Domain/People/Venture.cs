namespace TalentHub.Web.Domain.People;

/// <summary>What a returning or incoming entrepreneur started (stored with the person).</summary>
public sealed class Venture : IAudited
{
    public EntrepreneurOrigin Origin { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? Name { get; set; }
    public string? Industry { get; set; }
    /// <summary>万元 (10,000 yuan).</summary>
    public decimal? Investment { get; set; }
    public int? JobsCreated { get; set; }
    public int? EntityId { get; set; }

    /// <summary>
    /// A return is something that happened: throws <see cref="DomainException"/> <c>Person.Venture.ReturnedInFuture</c>
    /// (field <c>ReturnedOn</c>) when <paramref name="returnedOn"/> is after <paramref name="today"/> (the Asia/Shanghai date).
    /// </summary>
    public static void CheckReturnedOn(DateOnly? returnedOn, DateOnly today)
    {
        if (returnedOn > today) throw new DomainException("Person.Venture.ReturnedInFuture", nameof(ReturnedOn));
    }
}
