using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// An e-mail field on a form follows <see cref="EmailRule"/> (a domain with a dot; the built-in [EmailAddress] took
/// <c>a@b</c>). Blank passes (pair with [Required] when needed). The message is the localized resource named by
/// <see cref="ValidationAttribute.ErrorMessage"/>, asked of the request's localizer as <see cref="RealNameAttribute"/> does.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailAttribute : DataTypeAttribute
{
    public EmailAttribute() : base(DataType.EmailAddress) { }

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text) || EmailRule.IsValid(text.Trim())) return ValidationResult.Success;
        var key = ErrorMessage ?? "Person.EmailInvalid";
        var l = context.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
        return new ValidationResult(l?[key].Value ?? key, context.MemberName is { } member ? [member] : null);
    }
}
