namespace TalentHub.Web.Data;

public enum AuditAction
{
    Create,
    Update,
    Delete,
    StatusChange,
    Import,
    Export,
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
