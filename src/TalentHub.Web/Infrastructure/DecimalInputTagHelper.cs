using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// An <c>&lt;input asp-for&gt;</c> bound to a decimal shows the stored value without trailing zeros and in invariant digits
/// (polish32: 学时 showed "99.0", 亩 "12.50", as the database returned them). Runs after MVC's input tag helper and leaves
/// a value the user typed (a redisplayed, refused post) as it was typed.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class DecimalInputTagHelper : TagHelper
{
    /// <summary>After <see cref="InputTagHelper"/> (order 0), which writes the value this one rewrites.</summary>
    public override int Order => 100;

    /// <summary>The bound expression (the same as MVC's input tag helper reads).</summary>
    [HtmlAttributeName("asp-for")] public ModelExpression For { get; set; } = null!;

    /// <summary>The page's view context, for the posted values in its model state.</summary>
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (For.Model is not decimal value) return;
        var name = output.Attributes["name"]?.Value?.ToString() ?? For.Name;
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null) return;
        output.Attributes.SetAttribute("value", DecimalText.Invariant(value));
    }
}

/// <summary>Decimals as text for people: no trailing zeros (99.0 → 99, 12.50 → 12.5), never an exponent.</summary>
public static class DecimalText
{
    /// <summary><paramref name="value"/> in invariant digits (a dot for the decimal point, no group separators), as input values take them.</summary>
    public static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary><see cref="Invariant(decimal)"/>, or null for none.</summary>
    public static string? Invariant(decimal? value) => value is { } v ? Invariant(v) : null;
}
