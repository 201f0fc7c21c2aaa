namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>An uploaded file as it was stored for the confirm step.</summary>
public sealed record StoredUpload(byte[] Bytes, string FileName);

/// <summary>
/// Keeps an uploaded import file between "validate" and "confirm". Only a token travels in the form; the
/// file is encrypted with the data-protection key ring and bound to the user and the kind of import.
/// </summary>
public interface IUploadStore
{
    /// <summary>How long an upload waits for its confirm (2 hours).</summary>
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>Stores the file and returns its token (32 hex digits).</summary>
    string Save(byte[] bytes, string fileName, string userId, string kind);

    /// <summary>The file, when the token is well-formed, not expired and was uploaded by this user for this kind.</summary>
    StoredUpload? Load(string? token, string userId, string kind);

    void Delete(string? token);

    /// <summary>
    /// Takes the upload for one confirm: true for exactly one caller, after which <see cref="Load"/> finds nothing (two
    /// tabs confirming the same preview: the second must not import again, review 5). Give it back with
    /// <see cref="Release"/> when the confirm writes nothing, or end it with <see cref="MarkConfirmed"/>.
    /// </summary>
    bool TryClaim(string? token, string userId, string kind);

    /// <summary>Gives a claimed upload back (its confirm failed and wrote nothing): it may be confirmed again.</summary>
    void Release(string? token, string userId, string kind);

    /// <summary>Ends a claimed upload: the file is removed; the token is remembered until it would have expired.</summary>
    void MarkConfirmed(string? token, string userId, string kind);

    /// <summary>Whether this user's upload of this kind was claimed or confirmed already (not expired): "already confirmed".</summary>
    bool IsConfirmed(string? token, string userId, string kind);
}
