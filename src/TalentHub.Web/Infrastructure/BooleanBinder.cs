using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Puts <see cref="BooleanBinder"/> in front of MVC's binder for <c>bool</c> and <c>bool?</c> (check boxes, switches):
/// review21 posted <c>Input.RememberMe=maybe</c> to the login form and <c>Input.Employed=maybe</c> to a follow-up, and
/// the page shown again with the binding error answered 500 (the check box tag helper converts the kept attempted value
/// to <c>bool</c> and throws <see cref="FormatException"/>).
/// </summary>
public sealed class BooleanBinderProvider : IModelBinderProvider
{
    /// <inheritdoc />
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.UnderlyingOrModelType != typeof(bool)) return null;
        return new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()));
    }
}

/// <summary>
/// Binds as MVC does; when the posted value is not a boolean, the field keeps MVC's localized "not valid" error (so
/// nothing is saved) but not the posted text, so the form can be shown again with the field as the model holds it.
/// </summary>
public sealed class BooleanBinder(IModelBinder inner) : IModelBinder
{
    /// <inheritdoc />
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet) return;
        var name = bindingContext.ModelName;
        if (bindingContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
            bindingContext.ModelState.SetModelValue(name, rawValue: null, attemptedValue: null);
    }
}
