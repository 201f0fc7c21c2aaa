using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Infrastructure;

/// <summary>Puts a <see cref="DomainException"/> into a page's model state, where the form shows it.</summary>
public static class ModelStateExtensions
{
    /// <summary>Shows a broken domain rule next to its field ("Input." + field), or above the form.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException error, IStringLocalizer l, string prefix = "Input.")
    {
        var key = error.Field is null ? "" : prefix + error.Field;
        modelState.AddModelError(key, l[error.MessageKey, error.Args]);
    }
}
