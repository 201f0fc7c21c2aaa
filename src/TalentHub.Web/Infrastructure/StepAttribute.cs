using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// A decimal form field takes whole multiples of its input's <c>step</c> ("0.01" for 亩 and 万元, "0.5" for 学时), on the
/// server as in the browser: a form posted with the browser's checks bypassed (a script, or a form the site posts anyway
/// to show its cross-field errors) would otherwise store 1.234 in a column of two decimals — kept as typed by SQLite,
/// rounded by PostgreSQL. The message is "Validation.Decimals" (at most N decimal places) for a step of 0.1, 0.01 …,
/// otherwise "Validation.Step", with the field's label.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StepAttribute(string step) : ValidationAttribute
{
    /// <summary>The step, as written in the input's <c>step</c> attribute (invariant culture).</summary>
    public decimal Step { get; } = decimal.Parse(step, CultureInfo.InvariantCulture);

    /// <summary>The decimal places a step of 0.1, 0.01 … allows (the message then says "at most N decimal places"); null for another step.</summary>
    public int? Places => Enumerable.Range(1, 6).Select(n => (int?)n).FirstOrDefault(n => Step * Pow10(n!.Value) == 1);

    private static decimal Pow10(int n) => n == 0 ? 1 : 10 * Pow10(n - 1);

    /// <summary>True when <paramref name="value"/> is empty or a whole multiple of <see cref="Step"/>.</summary>
    public bool Fits(decimal? value) => value is not { } v || v % Step == 0;

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        if (Fits(value as decimal?)) return ValidationResult.Success;
        var l = context.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
        var message = Places is { } places ? l?["Validation.Decimals", context.DisplayName, places]
            : l?["Validation.Step", context.DisplayName, Step.ToString(CultureInfo.InvariantCulture)];
        return new ValidationResult(message?.Value ?? "Validation.Step", context.MemberName is { } member ? [member] : null);
    }
}
