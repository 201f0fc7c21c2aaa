using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TalentHub.Web.Services;

namespace TalentHub.Web.Data;

/// <summary>The one converter for personal identifiers: ciphertext in the database, clear text in memory.</summary>
public sealed class EncryptedStringConverter(PersonalDataProtector protector) : ValueConverter<string, string>(
    v => protector.Encrypt(v),
    v => protector.Decrypt(v))
{
    public const string Annotation = "TalentHub:Encrypted";

    /// <summary>
    /// Gives every property marked with <see cref="EncryptedProperty.IsEncrypted{T}"/> this converter, and Identity's
    /// token values (staff authenticator secrets, recovery codes: issue 15). The tokens get the converter without the
    /// annotation, which would change the migrations' model snapshot; a value stored before (in clear, no <c>v{N}:</c>
    /// prefix) still reads as is, and <c>PersonalDataRotation</c> encrypts it.
    /// </summary>
    public static void Apply(IMutableModel model, PersonalDataProtector protector)
    {
        var converter = new EncryptedStringConverter(protector);
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            if (property.FindAnnotation(Annotation)?.Value is true)
                property.SetValueConverter(converter);
        model.FindEntityType(typeof(IdentityUserToken<string>))?.FindProperty(nameof(IdentityUserToken<string>.Value))?.SetValueConverter(converter);
    }

    /// <summary>Whether the property is stored encrypted under the personal-data keys (annotated, or given this converter).</summary>
    public static bool IsEncrypted(IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true || property.GetValueConverter() is EncryptedStringConverter;
}

/// <summary>The EF configuration call that marks a personal identifier for encryption (PIPL; PRODUCT.md §9).</summary>
public static class EncryptedProperty
{
    /// <summary>Stores the property encrypted; the ciphertext is longer than the text, so give it room.</summary>
    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(EncryptedStringConverter.Annotation, true);
}
