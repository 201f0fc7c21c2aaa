namespace TalentHub.Web.Domain.Entities;

/// <summary>One step of an entity's lifecycle: who moved it, when, and why.</summary>
public sealed class EntityStatusChange
{
    public int Id { get; private set; }
    public int EntityId { get; private set; }
    public EntityStatus From { get; init; }
    public EntityStatus To { get; init; }
    public required string ByUserId { get; init; }
    public required string ByName { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Reason { get; init; }

    /// <summary>The longest reason kept (the column's length; the form's text box says the same).</summary>
    public const int ReasonMaxLength = 500;
}
