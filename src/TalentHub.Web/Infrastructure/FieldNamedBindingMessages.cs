using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Gives a property with <c>[Display(Name = key)]</c> a binding message that names its field wherever binding only passes
/// the value: an enum given a number it does not define (<c>/People?Category=99</c>) got the field-less
/// <c>“99”无效。</c> (review10), while a value that does not read at all already says <c>“abc”不是有效的学历。</c>. Both now
/// use <c>Validation.AttemptedValueIsInvalid</c> with the field's label (resource <paramref name="l"/>, the request's
/// language at the time of the message).
/// </summary>
public sealed class FieldNamedBindingMessages(IStringLocalizer l) : IBindingMetadataProvider
{
    /// <inheritdoc />
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.Key.MetadataKind != ModelMetadataKind.Property
            || context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.Name is not { } label
            || context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider inherited) return;
        var messages = new DefaultModelBindingMessageProvider(inherited);
        messages.SetValueIsInvalidAccessor(value => l["Validation.AttemptedValueIsInvalid", value, l[label]]);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}
