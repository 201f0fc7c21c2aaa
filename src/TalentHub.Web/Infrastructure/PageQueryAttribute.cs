using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The <c>page</c> query value of an HTML list page (<c>int</c>), read by <see cref="PageNumberBinder"/>: the one rule for
/// every list. Lists answer any page value with a page, never an error page or a silent jump: see
/// <see cref="PageNumberBinder.Read"/>. The page then clamps the number into [1, last page] (<see cref="Paged.Clamp"/>).
/// The read-only API refuses instead (a 400 problem, <c>ApiEndpoints</c>): a program must learn that it sent nonsense.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PageQueryAttribute : FromQueryAttribute, IBinderTypeProviderMetadata
{
    /// <summary>Binds the query value named <c>page</c>.</summary>
    public PageQueryAttribute() => Name = "page";

    /// <inheritdoc />
    public Type BinderType => typeof(PageNumberBinder);
}

/// <summary>Binds a list's <c>page</c> query value with <see cref="Read"/>; never adds a model-state error.</summary>
public sealed class PageNumberBinder : IModelBinder
{
    /// <inheritdoc />
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value != ValueProviderResult.None)
            bindingContext.Result = ModelBindingResult.Success(Read(value.FirstValue));
        return Task.CompletedTask;
    }

    /// <summary>
    /// A page number from the text of a query value: an optional sign and decimal digits (full-width digits and signs,
    /// as a Chinese input method types them, read as ASCII; spaces around ignored). Zero or negative is page 1; a number
    /// beyond 32 bits is <see cref="int.MaxValue"/> (so the list shows its last page, as for <c>2147483647</c>, not
    /// page 1); anything else (empty, letters, <c>1e3</c>, <c>1.5</c>) is page 1, as if no page was asked for.
    /// </summary>
    public static int Read(string? text)
    {
        var folded = Fold(text);
        if (folded.Length == 0) return 1;
        var negative = folded[0] == '-';
        var digits = folded[0] is '-' or '+' ? folded[1..] : folded;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return 1;
        if (negative) return 1;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? Math.Max(1, number)
            : int.MaxValue;
    }

    /// <summary>Trimmed, with full-width digits (U+FF10–FF19) and signs (U+FF0B, U+FF0D) as their ASCII forms.</summary>
    private static string Fold(string? text) =>
        string.Create((text ?? "").Trim().Length, (text ?? "").Trim(), (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] switch
                {
                    >= '\uFF10' and <= '\uFF19' => (char)('0' + (source[i] - '\uFF10')),
                    '\uFF0B' => '+',
                    '\uFF0D' => '-',
                    var c => c,
                };
        });
}
