namespace TalentHub.Web.Data.Cluster;

/// <summary>
/// The fingerprint of one personal-data key (<c>hash</c>, <c>encryption:v1</c>, …), recorded by the first node
/// that used it. A node whose key of the same name differs refuses to start (<c>PersonalDataKeyGuard</c>).
/// </summary>
public sealed class KeyFingerprint
{
    /// <summary>The key's name as <c>PersonalDataProtector.Fingerprints()</c> gives it.</summary>
    public required string Name { get; set; }
    /// <summary>32 hex digits (HMAC-SHA256 of a fixed label, first 16 bytes).</summary>
    public required string Fingerprint { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An uploaded import file between "validate" and "confirm", on whichever node the confirm arrives.</summary>
public sealed class PendingUpload
{
    /// <summary>32 hex digits (a GUID); the only thing that travels in the form.</summary>
    public required string Token { get; set; }
    public required string UserId { get; set; }
    /// <summary>Which import it belongs to (e.g. "people", "roster:42").</summary>
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    /// <summary>The file, encrypted with the shared data-protection key ring (it holds ID numbers).</summary>
    public required byte[] Content { get; set; }
}

/// <summary>Failed sign-ins of one account within the throttle's window, counted in the database so every node sees them.</summary>
public sealed class LoginFailure
{
    /// <summary>Keyed hash of what was typed as the account (it may be a mobile number), 64 hex digits.</summary>
    public required string Account { get; set; }
    public int Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

/// <summary>
/// Requests of one kind from one client address within one fixed window (login tries per minute, password-help and
/// sign-up posts per hour), counted in the database on PostgreSQL so the ceiling holds across every node (issue 15).
/// </summary>
public sealed class AddressCount
{
    /// <summary>Keyed hash (64 hex digits) of the kind, the address and the window's start: no address is stored in clear.</summary>
    public required string Bucket { get; set; }
    public int Count { get; set; }
    /// <summary>The end of the window; later rows are swept.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
