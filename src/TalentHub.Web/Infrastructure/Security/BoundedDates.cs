using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Dates the app accepts from a request (query string, route or form): 1900-01-01 to 2199-12-31. Anything
/// outside (0001-01-01, 9999-12-31) is refused at binding with a localized error, so no page does date
/// arithmetic at the edges of DateOnly/DateTime and answers 500.
/// </summary>
public static class BoundedDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2199, 12, 31);

    /// <summary>Whether <paramref name="date"/> lies in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    /// <summary>The same check for a bound DateOnly, DateTime or DateTimeOffset (by its UTC date); any other value passes.</summary>
    public static bool InRange(object value) => value switch
    {
        DateOnly d => InRange(d),
        DateTime t => InRange(DateOnly.FromDateTime(t)),
        DateTimeOffset o => InRange(DateOnly.FromDateTime(o.UtcDateTime)),
        _ => true,
    };
}

/// <summary>Puts <see cref="BoundedDateBinder"/> in front of the simple binder for DateOnly, DateTime and DateTimeOffset.</summary>
public sealed class BoundedDateBinderProvider : IModelBinderProvider
{
    private static readonly Type[] DateTypes = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!DateTypes.Contains(type)) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        var l = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new BoundedDateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers), l);
    }
}

/// <summary>Binds a date as usual, then refuses one outside <see cref="BoundedDates"/>.</summary>
public sealed class BoundedDateBinder(IModelBinder inner, IStringLocalizer l) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not { } value || BoundedDates.InRange(value)) return;
        var name = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? bindingContext.ModelName;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Validation.DateOutOfRange", l[name],
            BoundedDates.Min.Year, BoundedDates.Max.Year]);
        bindingContext.Result = ModelBindingResult.Failed();
    }
}
