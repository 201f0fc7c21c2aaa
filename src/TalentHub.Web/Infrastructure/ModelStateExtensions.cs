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
    /// <summary>
    /// True when the posted field <paramref name="key"/> could not be bound (a hidden field of a tampered or damaged form: an
    /// enum name that is no member); its binding error, which no field of the page shows, is dropped for the caller to say
    /// what went wrong where it shows (<see cref="AddFormErrorOnce"/>).
    /// </summary>
    public static bool TakeBindError(this ModelStateDictionary modelState, string key)
    {
        if (modelState.GetFieldValidationState(key) != ModelValidationState.Invalid) return false;
        modelState.Remove(key);
        return true;
    }

    /// <summary>Adds <paramref name="message"/> above the form (the validation summary) unless it is there already.</summary>
    public static void AddFormErrorOnce(this ModelStateDictionary modelState, string message)
    {
        if (modelState[""]?.Errors.Any(e => e.ErrorMessage == message) != true) modelState.AddModelError("", message);
    }
}
