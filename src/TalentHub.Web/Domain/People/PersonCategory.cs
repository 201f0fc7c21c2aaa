namespace TalentHub.Web.Domain.People;

/// <summary>One talent category a person holds (table PersonCategory, unique per person and category).</summary>
public sealed class PersonCategory : IAudited
{
    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public TalentCategory Category { get; init; }
    /// <summary>Only for <see cref="TalentCategory.LocalTalent"/>.</summary>
    public LocalTalentType? LocalTalentType { get; init; }
}
