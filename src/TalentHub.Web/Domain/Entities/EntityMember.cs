namespace TalentHub.Web.Domain.Entities;

/// <summary>A person linked to an entity with a role.</summary>
public sealed class EntityMember : IAudited
{
    public int Id { get; private set; }
    public int EntityId { get; private set; }
    public int PersonId { get; init; }
    public MemberRole Role { get; init; }
}
