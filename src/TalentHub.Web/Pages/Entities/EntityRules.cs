using System.Security.Claims;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Entities;

/// <summary>Who may do what to an entity, as the pages see it (the domain enforces the lifecycle itself).</summary>
public static class EntityRules
{
    /// <summary>Officers (policy <see cref="Policies.Officer"/>).</summary>
    public static bool IsOfficer(ClaimsPrincipal user) => user.Meets(Policies.Officer);

    /// <summary>Who approves or returns a registration (policy <see cref="Policies.Approver"/>: officers, never the administrator).</summary>
    public static bool MayDecide(ClaimsPrincipal user) => user.Meets(Policies.Approver);

    /// <summary>Clerks edit drafts and returned registrations; officers anything neither under review nor deregistered (<see cref="EntityLifecycle.IsEditable"/>).</summary>
    public static bool CanEdit(ClaimsPrincipal user, EntityStatus status) => EntityLifecycle.IsEditable(status, IsOfficer(user));

    /// <summary>The next steps this user may take, without the maker-checker rule (the page explains that one).</summary>
    public static IEnumerable<EntityStatus> NextSteps(ClaimsPrincipal user, EntityStatus status) =>
        EntityLifecycle.NextFrom(status).Where(to => (IsOfficer(user) || !EntityLifecycle.NeedsOfficer(to)) && (MayDecide(user) || !EntityLifecycle.IsDecision(status, to)));

    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Display) ?? user.Identity?.Name ?? "";
}
