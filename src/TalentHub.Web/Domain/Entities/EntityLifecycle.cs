namespace TalentHub.Web.Domain.Entities;

/// <summary>Draft → Submitted → Approved (在册) or Returned → … → Suspended → Deregistered.</summary>
public static class EntityLifecycle
{
    private static readonly Dictionary<EntityStatus, EntityStatus[]> Allowed = new()
    {
        [EntityStatus.Draft] = [EntityStatus.Submitted, EntityStatus.Deregistered],
        [EntityStatus.Submitted] = [EntityStatus.Approved, EntityStatus.Returned],
        [EntityStatus.Returned] = [EntityStatus.Submitted, EntityStatus.Deregistered],
        [EntityStatus.Approved] = [EntityStatus.Suspended, EntityStatus.Deregistered],
        [EntityStatus.Suspended] = [EntityStatus.Approved, EntityStatus.Deregistered],
        [EntityStatus.Deregistered] = [],
    };

    /// <summary>The statuses an entity may move to from <paramref name="status"/>, for the buttons the page offers; empty once deregistered.</summary>
    public static IReadOnlyList<EntityStatus> NextFrom(EntityStatus status) => Allowed[status];

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is a step of the lifecycle (PRODUCT.md §4); role and reason are checked separately.</summary>
    public static bool CanMove(EntityStatus from, EntityStatus to) => Allowed[from].Contains(to);

    /// <summary>
    /// Whether a registration in <paramref name="status"/> may be changed: a clerk changes a draft or a returned one, an
    /// officer any that is neither under review nor deregistered. Nobody changes a submitted registration (maker-checker,
    /// PRODUCT.md §4): the reviewing officer approves it or returns it with reasons for whoever registered it to correct and
    /// submit again; an officer who could rewrite it and then approve it would approve their own change (rev35b).
    /// </summary>
    public static bool IsEditable(EntityStatus status, bool isOfficer) =>
        isOfficer ? status is not (EntityStatus.Submitted or EntityStatus.Deregistered) : status is EntityStatus.Draft or EntityStatus.Returned;

    /// <summary>Moves that need a written reason.</summary>
    public static bool NeedsReason(EntityStatus to) =>
        to is EntityStatus.Returned or EntityStatus.Suspended or EntityStatus.Deregistered;

    /// <summary>
    /// Approving or returning a submitted registration: the decision of an officer other than its submitter (maker-checker).
    /// Reinstating a suspended entity (Suspended → Approved) is not a decision on a registration.
    /// </summary>
    public static bool IsDecision(EntityStatus from, EntityStatus to) =>
        from == EntityStatus.Submitted && to is EntityStatus.Approved or EntityStatus.Returned;

    /// <summary>Moves only an officer (not a clerk) may make.</summary>
    public static bool NeedsOfficer(EntityStatus to) =>
        to is EntityStatus.Approved or EntityStatus.Returned or EntityStatus.Suspended or EntityStatus.Deregistered;
}
