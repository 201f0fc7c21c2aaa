using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Puts <see cref="SingleEnumBinder"/> in front of the enum binder for every enum that is not <c>[Flags]</c> (list
/// filters, form choices): review11 found <c>/People?Category=ReturningEntrepreneur,HighQualityFarmer</c> bound as the
/// two names' bitwise OR, which happens to be another defined category (ProfessionalManager), so the list showed people
/// nobody asked for. The API refuses the same input in <c>ApiBindingFailures</c>.
/// </summary>
public sealed class SingleEnumBinderProvider : IModelBinderProvider
{
    /// <inheritdoc />
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!type.IsEnum || type.IsDefined(typeof(FlagsAttribute), inherit: false)) return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        var l = context.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        // As MVC's own enum binder: a number the enum does not define does not bind.
        return new SingleEnumBinder(new EnumTypeModelBinder(suppressBindingUndefinedValueToEnumType: true, context.Metadata.UnderlyingOrModelType, loggers), l);
    }
}

/// <summary>
/// Binds a single-valued enum from exactly one name or number: a comma list (which the enum converter would OR into one
/// value) or the key given more than once is refused at the field with a localized message naming it, and nothing binds.
/// </summary>
public sealed class SingleEnumBinder(IModelBinder inner, IStringLocalizer l) : IModelBinder
{
    /// <inheritdoc />
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values.Length == 0 || (values.Length == 1 && values.FirstValue?.Contains(',') != true)) return inner.BindModelAsync(bindingContext);
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
        var field = bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? bindingContext.ModelName;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, l["Validation.OneValueOnly", l[field], values.ToString()]);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}
