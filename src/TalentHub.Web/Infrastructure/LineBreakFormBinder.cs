using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Puts <see cref="LineBreakFormBinder"/> in front of MVC's binder for every string on pages (rev37c). A text box counts a line
/// break once (its <c>maxlength</c> too) but the browser posts it as CR LF, so a follow-up note, a person's notes, a survey
/// comment or an override reason typed to the box's limit with line breaks was refused as too long by the same limit on the
/// server (<c>StringLength</c> counted each break twice). Line breaks are bound as LF, so every length check counts them as
/// the box does and they are stored as LF (as an entity's status-change reason already was, rev35b).
/// </summary>
public sealed class LineBreakFormBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    /// <inheritdoc />
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string)) return null;
        foreach (var provider in providers)
            if (provider != this && provider.GetBinder(context) is { } inner) return new LineBreakFormBinder(inner);
        return null;
    }
}

/// <summary>Binds a string with its CR LF (and lone CR) line breaks as LF; then MVC's own binding applies.</summary>
public sealed class LineBreakFormBinder(IModelBinder inner) : IModelBinder
{
    /// <inheritdoc />
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values.Length == 0 || !values.Values.Any(v => v?.Contains('\r') == true))
        {
            await inner.BindModelAsync(bindingContext);
            return;
        }
        var original = bindingContext.ValueProvider;
        var unified = new ValueProviderResult(new StringValues(values.Values.Select(Unify).ToArray()), values.Culture);
        bindingContext.ValueProvider = new OneValue(bindingContext.ModelName, unified, original);
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    /// <summary>CR LF and a lone CR become LF.</summary>
    public static string? Unify(string? value) => value?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The unified value for the bound key; every other key as the request sent it.</summary>
    private sealed class OneValue(string key, ValueProviderResult value, IValueProvider rest) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => rest.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string name) => name == key ? value : rest.GetValue(name);
    }
}
