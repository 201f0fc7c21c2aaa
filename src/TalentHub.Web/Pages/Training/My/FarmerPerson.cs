using System.Security.Claims;

namespace TalentHub.Web.Pages.Training.My;

/// <summary>The registry person behind a signed-in farmer (claim "talenthub:person").</summary>
public static class FarmerPerson
{
    public const string Claim = Infrastructure.ClaimNames.Person;

    public static int? Of(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Claim), out var id) ? id : null;
}
