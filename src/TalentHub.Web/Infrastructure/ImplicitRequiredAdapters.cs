using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The client-side "required" message MVC adds to every non-nullable value-type field without a <c>[Required]</c> of its
/// own (a check box, a hidden version stamp, a number): it was MVC's English default, "The RememberMe field is required.",
/// on the Chinese pages too (fix23). Such a field now gets <c>Validation.Required</c> in the page's language, and a check
/// box none at all (it always posts a value: true or the hidden false). Other attributes are adapted as MVC does.
/// </summary>
public sealed class ImplicitRequiredAdapters : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _inner = new();

    /// <inheritdoc />
    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        attribute is RequiredAttribute { ErrorMessage: null, ErrorMessageResourceName: null } required && required.GetType() == typeof(RequiredAttribute)
            ? new Adapter(new RequiredAttribute { AllowEmptyStrings = required.AllowEmptyStrings, ErrorMessage = "Validation.Required" }, stringLocalizer)
            : _inner.GetAttributeAdapter(attribute, stringLocalizer);

    /// <summary>As MVC's (sealed) RequiredAttributeAdapter, and nothing for a check box.</summary>
    private sealed class Adapter(RequiredAttribute attribute, IStringLocalizer? l) : AttributeAdapterBase<RequiredAttribute>(attribute, l)
    {
        public override void AddValidation(ClientModelValidationContext context)
        {
            if (context.ModelMetadata.UnderlyingOrModelType == typeof(bool)) return;
            MergeAttribute(context.Attributes, "data-val", "true");
            MergeAttribute(context.Attributes, "data-val-required", GetErrorMessage(context));
        }

        public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
            GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
    }
}
