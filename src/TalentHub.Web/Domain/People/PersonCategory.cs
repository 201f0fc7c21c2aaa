namespace TalentHub.Web.Domain.People;

public sealed class PersonCategory : IAudited
{
    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public TalentCategory Category { get; init; }
    /// <summary>Only for <see cref="TalentCategory.LocalTalent"/>.</summary>
    public LocalTalentType? LocalTalentType { get; init; }
}
