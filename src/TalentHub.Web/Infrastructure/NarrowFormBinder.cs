using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Puts <see cref="NarrowFormBinder"/> in front of MVC's binder for every number, date and time type on pages (review12: a
/// Chinese input method types full-width digits, and <c>１５</c> in an income change or a target was refused as "not a
/// number"; review32: <c>０９:００</c> in a session time likewise). The JSON API (minimal endpoints, not MVC binding) stays
/// strict: its clients send ASCII.
/// </summary>
public sealed class NarrowFormBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    private static readonly HashSet<Type> Typed =
        [typeof(byte), typeof(short), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float),
         typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeOnly)];

    /// <inheritdoc />
    /// <remarks>Wraps the binder the rest of <paramref name="providers"/> gives (MVC's own, with its number styles and messages).</remarks>
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (!Typed.Contains(context.Metadata.UnderlyingOrModelType)) return null;
        foreach (var provider in providers)
            if (provider != this && provider.GetBinder(context) is { } inner) return new NarrowFormBinder(inner);
        return null;
    }
}

/// <summary>
/// Binds a number, date or time from its NFKC form (<see cref="TextNormalizer.Normalize"/>): full-width digits, sign (＋ －) and
/// decimal point (．), colon (：) and hyphen (－) become ASCII, invisible characters and surrounding spaces go; then MVC's own conversion and
/// messages apply (anything still unreadable is refused at the field as before).
/// </summary>
public sealed class NarrowFormBinder(IModelBinder inner) : IModelBinder
{
    /// <inheritdoc />
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values.Length == 0 || values.Values.All(IsAscii))
        {
            await inner.BindModelAsync(bindingContext);
            return;
        }
        var original = bindingContext.ValueProvider;
        var normalized = new ValueProviderResult(new StringValues(values.Values.Select(v => TextNormalizer.Normalize(v)).ToArray()), values.Culture);
        bindingContext.ValueProvider = new OneValue(bindingContext.ModelName, normalized, original);
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    private static bool IsAscii(string? value) => value is null || System.Text.Ascii.IsValid(value);

    /// <summary>The normalised value for the bound key; every other key as the request sent it.</summary>
    private sealed class OneValue(string key, ValueProviderResult value, IValueProvider rest) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => rest.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string name) => name == key ? value : rest.GetValue(name);
    }
}
