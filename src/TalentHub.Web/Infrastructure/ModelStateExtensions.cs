using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure;

/// <summary>Puts a <see cref="DomainException"/> into a page's model state, where the form shows it.</summary>
public static class ModelStateExtensions
{
    /// <summary>
    /// Whether the posted fields <paramref name="keys"/> (e.g. "Input.Name", or a collection's prefix) bound and passed their
    /// own checks (a field not posted counts as valid). A form runs each cross-field or domain rule whenever the fields it
    /// reads are valid, whatever other fields failed, so every error shows in one round.
    /// </summary>
    public static bool FieldsValid(this ModelStateDictionary modelState, params string[] keys) =>
        keys.All(k => modelState.GetFieldValidationState(k) != ModelValidationState.Invalid);

    /// <summary>Shows a broken domain rule next to its field ("Input." + field), or above the form.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, IStringLocalizer l, string prefix = "Input.")
    {
        var key = error.Field is null ? "" : prefix + error.Field;
        modelState.AddModelError(key, l[error.MessageKey, error.Args]);
    }
}
