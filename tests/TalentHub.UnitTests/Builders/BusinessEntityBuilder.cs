using TalentHub.Web.Domain.Entities;

namespace TalentHub.UnitTests.Builders;

/// <summary>The one builder of <see cref="BusinessEntity"/> for unit tests.</summary>
public static class BusinessEntityBuilder
{
    public static readonly DateTimeOffset At = new(2026, 3, 5, 2, 0, 0, TimeSpan.Zero);
    public const string Clerk = "clerk-id";
    public const string Officer = "officer-id";

    /// <summary>A draft of <paramref name="type"/>, nothing else set.</summary>
    public static BusinessEntity Of(EntityType type) => new() { Name = "测试主体", Type = type };

    /// <summary>An entity walked to <paramref name="status"/> by a clerk (submit) and an officer (the rest).</summary>
    public static BusinessEntity In(EntityStatus status)
    {
        var e = new BusinessEntity { Name = "余村白茶家庭农场", Type = EntityType.FamilyFarm };
        EntityStatus[] path = status switch
        {
            EntityStatus.Draft => [],
            EntityStatus.Submitted => [EntityStatus.Submitted],
            EntityStatus.Approved => [EntityStatus.Submitted, EntityStatus.Approved],
            EntityStatus.Returned => [EntityStatus.Submitted, EntityStatus.Returned],
            EntityStatus.Suspended => [EntityStatus.Submitted, EntityStatus.Approved, EntityStatus.Suspended],
            _ => [EntityStatus.Deregistered],
        };
        foreach (var to in path)
            e.MoveStatus(to, to == EntityStatus.Submitted ? Clerk : Officer, "someone", to != EntityStatus.Submitted, "因为", At);
        return e;
    }
}
