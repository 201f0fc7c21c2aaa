using System.Globalization;
using System.Text;

namespace TalentHub.Web.Services.Audit;

/// <summary>How the audit page shows the value of one <see cref="AuditNoteKey"/>.</summary>
public enum AuditNoteValue
{
    /// <summary>Shown as stored (a file name, an id, a search text, a reason).</summary>
    Text,
    /// <summary>A count or a year, stored with invariant digits.</summary>
    Number,
    /// <summary>A region code, shown by the region's name when the tree knows it.</summary>
    Region,
    /// <summary>An enum value's name, shown by its label <c>{ValuePrefix}.{name}</c>.</summary>
    Enum,
    /// <summary>Comma-separated enum value names, each shown by its label.</summary>
    EnumList,
    /// <summary>Comma-separated property names of the entry's record type, each shown by its field label.</summary>
    Fields,
    /// <summary>A course id, shown by the course's title (linked) when the viewer may see the course, else as stored.</summary>
    Course,
    /// <summary>A person id, shown by the masked name and ID number (linked) when the viewer may see the person, else as stored.</summary>
    Person,
}

/// <summary>Why an enrollment note was written, where the action alone does not say (<see cref="AuditNoteKeys.Via"/>).</summary>
public enum AuditNoteVia
{
    /// <summary>Placed on the roster by a roster import.</summary>
    RosterImport,
    /// <summary>Moved from the waiting list to a confirmed place when a place came free.</summary>
    Promoted,
    /// <summary>Cancelled as a correction after the course ended.</summary>
    Correction,
}

/// <summary>
/// One key of an audit note: <paramref name="Name"/> is what is stored (stable, culture-invariant; never rename one,
/// notes already stored use it), <c>AuditNote.{Name}</c> its label resource.
/// </summary>
/// <param name="ValuePrefix">For <see cref="AuditNoteValue.Enum"/> and <see cref="AuditNoteValue.EnumList"/>: the resource prefix of the value labels.</param>
public sealed record AuditNoteKey(string Name, AuditNoteValue Value = AuditNoteValue.Text, string? ValuePrefix = null)
{
    /// <summary>The resource key of the key's label, in both languages.</summary>
    public string LabelKey => "AuditNote." + Name;
}

/// <summary>
/// The one table of audit note keys (review11: notes were English sentences built at each call site). A new note key is
/// one line here and its <c>AuditNote.{name}</c> resource in both languages; <c>AuditNoteTests</c> checks the labels exist.
/// </summary>
public static class AuditNoteKeys
{
    public static readonly AuditNoteKey File = new("file");
    public static readonly AuditNoteKey Rows = new("rows", AuditNoteValue.Number);
    public static readonly AuditNoteKey Skipped = new("skipped", AuditNoteValue.Number);
    public static readonly AuditNoteKey Bad = new("bad", AuditNoteValue.Number);
    public static readonly AuditNoteKey WarningsAccepted = new("warnings", AuditNoteValue.Number);
    public static readonly AuditNoteKey Format = new("format");
    public static readonly AuditNoteKey Sheet = new("sheet", AuditNoteValue.Number);
    public static readonly AuditNoteKey Year = new("year", AuditNoteValue.Number);
    public static readonly AuditNoteKey County = new("county", AuditNoteValue.Region);
    public static readonly AuditNoteKey Township = new("township", AuditNoteValue.Region);
    public static readonly AuditNoteKey Category = new("category", AuditNoteValue.Enum, "TalentCategory");
    public static readonly AuditNoteKey CourseCategory = new("courseCategory", AuditNoteValue.Enum, "CourseCategory");
    public static readonly AuditNoteKey Education = new("education", AuditNoteValue.Enum, "Education");
    public static readonly AuditNoteKey Industry = new("industry");
    public static readonly AuditNoteKey EntityType = new("entityType", AuditNoteValue.Enum, "EntityType");
    public static readonly AuditNoteKey EntityStatus = new("entityStatus", AuditNoteValue.Enum, "EntityStatus");
    public static readonly AuditNoteKey Rating = new("rating", AuditNoteValue.Enum, "DemonstrationLevel");
    public static readonly AuditNoteKey State = new("state", AuditNoteValue.Enum, "FollowUpState");
    public static readonly AuditNoteKey Months = new("months", AuditNoteValue.Number);
    public static readonly AuditNoteKey Search = new("q");
    public static readonly AuditNoteKey Program = new("program");
    public static readonly AuditNoteKey UpdatedSince = new("updatedSince");
    public static readonly AuditNoteKey Revealed = new("revealed", AuditNoteValue.Fields);
    public static readonly AuditNoteKey Api = new("api");
    public static readonly AuditNoteKey Course = new("course", AuditNoteValue.Course);
    public static readonly AuditNoteKey Person = new("person", AuditNoteValue.Person);
    public static readonly AuditNoteKey Status = new("status", AuditNoteValue.Enum, "EnrollmentStatus");
    public static readonly AuditNoteKey Before = new("before", AuditNoteValue.Enum, "EnrollmentStatus");
    public static readonly AuditNoteKey Override = new("override", AuditNoteValue.EnumList, "Refusal");
    public static readonly AuditNoteKey Reason = new("reason");
    public static readonly AuditNoteKey Via = new("via", AuditNoteValue.Enum, "AuditNote.Via");
    public static readonly AuditNoteKey Confirmed = new("confirmed", AuditNoteValue.Number);
    public static readonly AuditNoteKey Waitlisted = new("waitlisted", AuditNoteValue.Number);
    public static readonly AuditNoteKey AlreadyOnRoster = new("alreadyOnRoster", AuditNoteValue.Number);
    public static readonly AuditNoteKey Regenerated = new("regenerated");
    public static readonly AuditNoteKey CourseStatus = new("courseStatus", AuditNoteValue.Enum, "CourseStatus");
    public static readonly AuditNoteKey Topic = new("topic", AuditNoteValue.Enum, "CourseTopic");
    /// <summary>A list's "from" date filter, yyyy-MM-dd (Asia/Shanghai).</summary>
    public static readonly AuditNoteKey From = new("from");
    /// <summary>A list's "to" date filter, yyyy-MM-dd (Asia/Shanghai).</summary>
    public static readonly AuditNoteKey To = new("to");
    /// <summary>The audit log's user filter (a user name prefix).</summary>
    public static readonly AuditNoteKey User = new("user");
    public static readonly AuditNoteKey Action = new("action", AuditNoteValue.Enum, "AuditAction");
    /// <summary>The audit log's record type filter (an audited type's name).</summary>
    public static readonly AuditNoteKey RecordType = new("recordType");
    /// <summary>The audit log's record id filter.</summary>
    public static readonly AuditNoteKey RecordId = new("recordId");
    public static readonly AuditNoteKey Role = new("role", AuditNoteValue.Enum, "Role");
    /// <summary>Only in notes stored before the keys above: the export filter as one text ("County=…, Category=…").</summary>
    public static readonly AuditNoteKey Filter = new("filter");

    /// <summary>Every key, in the order above.</summary>
    public static readonly IReadOnlyList<AuditNoteKey> All = typeof(AuditNoteKeys).GetFields()
        .Where(f => f.FieldType == typeof(AuditNoteKey)).Select(f => (AuditNoteKey)f.GetValue(null)!).ToList();

    /// <summary>Names stored by older versions for a key of today.</summary>
    private static readonly Dictionary<string, AuditNoteKey> Aliases = new(StringComparer.Ordinal) { ["warnings accepted"] = WarningsAccepted };

    private static readonly Dictionary<string, AuditNoteKey> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The key stored as <paramref name="name"/>, or null for a name no version wrote.</summary>
    public static AuditNoteKey? Find(string name) => ByName.GetValueOrDefault(name) ?? Aliases.GetValueOrDefault(name);
}

/// <summary>
/// The text of an audit entry that is not a change of fields (import, export, reveal, enrollment events): key/value pairs
/// stored culture-invariant as <c>key=value; key=value</c>, a <c>\</c> escaping any <c>\</c>, <c>;</c> or <c>=</c> inside
/// a value (a file named <c>a;b=c.csv</c>). The audit page shows it in the viewer's language (<see cref="AuditNoteText"/>).
/// Values are stored as given; empty values are left out.
/// </summary>
public sealed class AuditNote
{
    private readonly List<(AuditNoteKey Key, string Value)> _pairs = [];

    /// <summary>The pairs in the order they were added.</summary>
    public IReadOnlyList<(AuditNoteKey Key, string Value)> Pairs => _pairs;

    /// <summary>Adds a text value; null or empty adds nothing.</summary>
    public AuditNote With(AuditNoteKey key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _pairs.Add((key, value));
        return this;
    }

    /// <summary>Adds a number with invariant digits; null adds nothing.</summary>
    public AuditNote With(AuditNoteKey key, long? value) => With(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an enum value by its name; null adds nothing.</summary>
    public AuditNote With<TEnum>(AuditNoteKey key, TEnum? value) where TEnum : struct, Enum => With(key, value?.ToString());

    /// <summary>Adds an enum value by its name.</summary>
    public AuditNote With<TEnum>(AuditNoteKey key, TEnum value) where TEnum : struct, Enum => With(key, value.ToString());

    /// <summary>Adds enum values as one comma-separated list of names; an empty list adds nothing.</summary>
    public AuditNote WithAll<TEnum>(AuditNoteKey key, IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        With(key, string.Join(",", values));

    /// <summary>The stored form, <c>key=value; key=value</c> with escaped values.</summary>
    public override string ToString() => string.Join("; ", _pairs.Select(p => p.Key.Name + "=" + Escape(p.Value)));

    /// <summary>
    /// Reads a stored note: the pairs, with keys as stored; null when the text is not a note (an old free-text summary such
    /// as <c>regenerated 2026-03</c>, a part without <c>=</c>, or a key no version wrote), to be shown as stored.
    /// </summary>
    public static IReadOnlyList<(AuditNoteKey Key, string Value)>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var pairs = new List<(AuditNoteKey, string)>();
        var part = new StringBuilder();
        string? name = null;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ';')
            {
                if (name is null || AuditNoteKeys.Find(name) is not { } key) return null;
                pairs.Add((key, part.ToString()));
                (name, part) = (null, new StringBuilder());
                while (i + 1 < text.Length && text[i + 1] == ' ') i++;
            }
            else if (text[i] == '\\' && i + 1 < text.Length) part.Append(text[++i]);
            else if (text[i] == '=' && name is null) (name, part) = (part.ToString(), new StringBuilder());
            else part.Append(text[i]);
        }
        return pairs;
    }

    private static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', ';', '=') < 0) return value;
        var text = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '\\' or ';' or '=') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }
}

/// <summary>Notes written in more than one place.</summary>
public static partial class AuditNotes
{
    /// <summary>
    /// An uploaded file's name as an import note stores it (people, entity and roster imports): every run of 7 or more
    /// digits (an ID number or a mobile in the name) as <c>***</c>, control characters left out, at most 100 characters.
    /// Everything else is kept as typed, <c>;</c> and <c>=</c> included (the note escapes them; review13: the imports
    /// dropped <c>;</c>, a leftover of the free-text notes, and the roster import stored digits unmasked).
    /// </summary>
    public static string FileName(string fileName)
    {
        var name = string.Concat(LongDigits().Replace(fileName, "***").Where(c => !char.IsControl(c)));
        return name.Length <= 100 ? name : name[..100];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{7,}[\dXx]?")]
    private static partial System.Text.RegularExpressions.Regex LongDigits();

    /// <summary>A person's ID number and mobile were shown in full (person page, API with reveal rights).</summary>
    public static AuditNote Revealed() =>
        new AuditNote().With(AuditNoteKeys.Revealed, $"{nameof(Domain.People.Person.IdNumber)},{nameof(Domain.People.Person.Mobile)}");
}
