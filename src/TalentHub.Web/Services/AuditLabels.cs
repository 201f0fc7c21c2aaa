using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Services;

/// <summary>
/// Labels of audited types, fields and enum values in the current UI culture, read from <see cref="AuditedTypes"/>.
/// Each method returns null when no label exists, so callers can fall back to the raw text.
/// </summary>
public sealed class AuditLabels(IStringLocalizer<SharedResource> l)
{
    /// <summary>The label of an <c>AuditEntry.EntityType</c>.</summary>
    public string? Type(string entityType) => Localized(AuditedTypes.Find(entityType)?.LabelKey ?? $"Audit.Entity.{entityType}");

    /// <summary>
    /// The label of a property: its declared key, else the form label ("Person.Industry", "Entity.LegalRepresentative",
    /// also without an <c>Id</c>/<c>Code</c> suffix), else a shared audit field label ("Audit.Field.CreatedAt").
    /// </summary>
    public string? Field(string entityType, string field)
    {
        var type = AuditedTypes.Find(entityType);
        if (type?.FieldKeys.GetValueOrDefault(field) is { } key && Localized(key) is { } declared) return declared;
        var prefix = type?.FieldPrefix ?? entityType;
        var trimmed = field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field.EndsWith("Code", StringComparison.Ordinal) ? field[..^4] : field;
        return Localized($"{prefix}.{field}") ?? Localized($"{prefix}.{trimmed}") ?? Localized($"Audit.Field.{field}");
    }

    /// <summary>The label of an enum value stored in <paramref name="field"/> ("CourseStatus.Published"), or null when the field holds no enum.</summary>
    public string? EnumValue(string entityType, string field, string value) =>
        AuditedTypes.Find(entityType)?.EnumPrefixes.GetValueOrDefault(field) is { } prefix ? Localized($"{prefix}.{value}") : null;

    /// <summary>
    /// The label of a record id that is an enum-like name (<see cref="AuditedType.IdEnumPrefix"/>: a role's "CountyClerk" →
    /// "县级工作人员"); null for numeric ids, unknown types and names without a label.
    /// </summary>
    public string? Id(string entityType, string? id) =>
        id is not null && AuditedTypes.Find(entityType)?.IdEnumPrefix is { } prefix ? Localized($"{prefix}.{id}") : null;

    private string? Localized(string key)
    {
        var value = l[key];
        return value.ResourceNotFound ? null : value.Value;
    }
}
