namespace TalentHub.Web.Data;

/// <summary>The kinds of audited act (PRODUCT.md §9); stored by name in <see cref="AuditEntry.Action"/>.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    /// <summary>A lifecycle move (an entity, course or enrollment changing status).</summary>
    StatusChange,
    Import,
    Export,
    /// <summary>A full ID number or mobile shown unmasked to a role allowed to reveal it (PIPL).</summary>
    Reveal,
}

/// <summary>One line of the audit log. Personal identifiers appear only masked.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>The county of the record, when it belongs to one, so county officers could see their own trail.</summary>
    public string? CountyCode { get; set; }
    /// <summary>JSON: { "Property": [before, after] } or a short summary for import/export/reveal.</summary>
    public string? Changes { get; set; }
}
