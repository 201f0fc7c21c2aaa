using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Every string bound from a form, query or route is tidied (<see cref="TextNormalizer.Tidy"/>: invisible
/// characters removed, trimmed) — names, identifiers, log-in, sign-up and search alike; names and identifiers
/// then get the full NFKC normalisation where they are parsed or set. Passwords
/// (<c>[DataType(DataType.Password)]</c>) are left exactly as typed.
/// </summary>
public sealed class NormalizingStringBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.DataTypeName == nameof(DataType.Password)) return null;
        // A name ([RealName]) is bound as it will be stored, fully normalised (NFKC), so its length checks measure what the
        // column gets: NFKC can lengthen text (㍿ is 株式会社, ⑴ is (1)), and a 100-character entity name became 103 (rev35b).
        var name = context.Metadata.ValidatorMetadata.OfType<RealNameAttribute>().Any();
        return new NormalizingStringBinder(new SimpleTypeModelBinder(typeof(string),
            context.Services.GetRequiredService<ILoggerFactory>()), name);
    }

    private sealed class NormalizingStringBinder(IModelBinder inner, bool name) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text })
            {
                var clean = name ? TextNormalizer.Clean(text) : TextNormalizer.Tidy(text);
                bindingContext.Result = ModelBindingResult.Success(
                    clean is null && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : clean ?? "");
            }
        }
    }
}
