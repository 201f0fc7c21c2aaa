using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// A name field on a form follows the same rule as an import (<see cref="PersonName"/>): not formula-like,
/// at least one letter. The message is the localized resource "Name.NotAName" (MVC localizes only the
/// built-in attributes' messages, so this one asks the request's localizer itself).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RealNameAttribute : ValidationAttribute
{
    public const string MessageKey = "Name.NotAName";

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (value is not string text || PersonName.Problem(text) is null) return ValidationResult.Success;
        var l = context.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
        return new ValidationResult(l?[MessageKey].Value ?? MessageKey, context.MemberName is { } member ? [member] : null);
    }
}
