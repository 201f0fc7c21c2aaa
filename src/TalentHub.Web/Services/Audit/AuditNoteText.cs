using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Services.Audit;

/// <summary>
/// Shows a stored <see cref="AuditNote"/> in the current UI culture: each key by its label (<c>AuditNote.{name}</c>), enum
/// values by their labels, region codes by the region's name (<paramref name="regionName"/>, null when unknown), field
/// lists by the record type's field labels (<see cref="AuditLabels"/>), course and person ids by what
/// <paramref name="reference"/> resolved for the page (null: the viewer may not see it, the id is shown). A value without
/// a label is shown as stored.
/// </summary>
public sealed class AuditNoteText(IStringLocalizer l, AuditLabels labels, Func<string, string?> regionName,
    Func<AuditNoteValue, string, AuditNoteText.Reference?>? reference = null)
{
    /// <summary>One shown pair; <paramref name="Link"/> is the page of a referenced record, when it has one.</summary>
    public sealed record Item(string Label, string Value, string? Link = null);

    /// <summary>A course or person as shown: its text (title, masked name and ID number) and its page.</summary>
    public sealed record Reference(string Text, string? Link);

    /// <summary>The note's pairs as shown, or null when <paramref name="stored"/> is not a note (old free text: show it as stored).</summary>
    public IReadOnlyList<Item>? Show(string entityType, string? stored) =>
        AuditNote.Parse(stored)?.Select(p => p.Key.Value is AuditNoteValue.Course or AuditNoteValue.Person && reference?.Invoke(p.Key.Value, p.Value) is { } r
            ? new Item(Label(p.Key), r.Text, r.Link)
            : new Item(Label(p.Key), Value(entityType, p.Key, p.Value))).ToList();

    /// <summary>The region codes of a stored note, for loading their names; empty when it is not a note.</summary>
    public static IEnumerable<string> RegionCodes(string? stored) =>
        AuditNote.Parse(stored)?.Where(p => p.Key.Value == AuditNoteValue.Region).Select(p => p.Value) ?? [];

    /// <summary>The numeric ids of one kind (<see cref="AuditNoteValue.Course"/> or <see cref="AuditNoteValue.Person"/>) in a stored note.</summary>
    public static IEnumerable<int> Ids(string? stored, AuditNoteValue kind) =>
        AuditNote.Parse(stored)?.Where(p => p.Key.Value == kind)
            .Select(p => int.TryParse(p.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0) ?? [];

    private string Label(AuditNoteKey key) => Localized(key.LabelKey) ?? key.Name;

    private string Value(string entityType, AuditNoteKey key, string value) => key.Value switch
    {
        AuditNoteValue.Region => regionName(value) ?? value,
        AuditNoteValue.Enum => Localized($"{key.ValuePrefix}.{value}") ?? value,
        // The labels of listed values (refusal reasons) are sentences with their own stop: joined by a space.
        AuditNoteValue.EnumList => string.Join(" ", value.Split(',').Select(v => Localized($"{key.ValuePrefix}.{v}") ?? v)),
        AuditNoteValue.Fields => List(value.Split(',').Select(f => labels.Field(entityType, f) ?? f)),
        _ => value,
    };

    private string List(IEnumerable<string> items) => string.Join(l["Common.ListSeparator"].Value, items);

    private string? Localized(string key)
    {
        var value = l[key];
        return value.ResourceNotFound ? null : value.Value;
    }
}
