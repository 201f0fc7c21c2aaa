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
/// language at the time of the message). A date or number property that cannot be read says what was expected after its
/// label (<c>Validation.DateInvalid</c>: “From: “2026-13-01” is not a valid date.”, <c>Validation.TimeInvalid</c> for a
/// time such as 25:00, <c>Validation.NumberInvalid</c>), not
/// “is not a valid From.” (review11). A whole-number property given a fraction (1.5) says it must be a whole number
/// (<c>Validation.WholeNumber</c>, imports32: it said “is not a valid number”). A non-nullable field posted empty says
/// it is required, by its label (<c>Validation.Required</c>). A property with neither a label nor a date or number type says
/// only that the value is not valid (<c>Validation.NonPropertyAttemptedValueIsInvalid</c>), never its C# name.
/// </summary>
public sealed class FieldNamedBindingMessages(IStringLocalizer l) : IBindingMetadataProvider
{
    private static readonly Type[] Dates = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];
    private static readonly Type[] Numbers = [typeof(byte), typeof(short), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float)];

    private static readonly Type[] Integers = [typeof(byte), typeof(short), typeof(int), typeof(long)];

    /// <summary>A number with a fraction (1.5, full-width １．５ too): for a whole-number field, "must be a whole number".</summary>
    private static bool IsFraction(string? value) =>
        decimal.TryParse(Domain.Common.TextNormalizer.Normalize(value), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var number) && decimal.Truncate(number) != number;

    /// <inheritdoc />
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.Key.MetadataKind != ModelMetadataKind.Property
            || context.BindingMetadata.ModelBindingMessageProvider is not DefaultModelBindingMessageProvider inherited) return;
        var label = context.Attributes.OfType<DisplayAttribute>().FirstOrDefault()?.Name;
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        var expected = Dates.Contains(type) ? "Validation.DateInvalid" : type == typeof(TimeOnly) ? "Validation.TimeInvalid"
            : Numbers.Contains(type) ? "Validation.NumberInvalid" : null;
        var messages = new DefaultModelBindingMessageProvider(inherited);
        if (label is null && expected is null)
        {
            // No [Display] name (a check box, a hidden choice): MVC named the field by its C# property, "“abc” is not a
            // valid CanReveal." / "“abc”不是有效的CanReveal。" (review34g, a tampered /Admin/ApiTokens post). The message
            // stands next to its field, so it need not name it.
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["Validation.NonPropertyAttemptedValueIsInvalid", value]);
            context.BindingMetadata.ModelBindingMessageProvider = messages;
            return;
        }
        if (label is not null)
        {
            messages.SetValueIsInvalidAccessor(value => l["Validation.AttemptedValueIsInvalid", value, l[label]]);
            // A number or date field posted empty (?Year=): the binder passes the empty value, so the label is named here
            // ("请填写年份。" / "Year is required.", review34a: "请填写。" / " is required.").
            messages.SetValueMustNotBeNullAccessor(_ => l["Validation.Required", l[label]]);
        }
        if (Integers.Contains(type))
            messages.SetAttemptedValueIsInvalidAccessor((value, field) =>
                IsFraction(value) ? l["Validation.WholeNumber", field] : l[expected!, value, field]);
        else if (expected is not null) messages.SetAttemptedValueIsInvalidAccessor((value, field) => l[expected, value, field]);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}
