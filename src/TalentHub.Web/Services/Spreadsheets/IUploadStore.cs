namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Where an upload stands, for the message a confirm that cannot load it shows.</summary>
public enum UploadState
{
    /// <summary>No such upload for this user and kind, or it expired: upload again.</summary>
    Missing,
    /// <summary>Waiting for its confirm.</summary>
    Open,
    /// <summary>A confirm holds it and is still running (another tab, another node).</summary>
    Confirming,
    /// <summary>
    /// Claimed by a confirm that died without ending it (kill -9, crash, power loss): the claim's holder is gone, so
    /// nothing of it will finish. Its pending batch is or will be discarded (<c>ImportBatches.DiscardAbandonedAsync</c>),
    /// or — killed between the commit and the end of the claim — it was written whole; either way the user uploads the
    /// file again, and a re-import skips what is already registered.
    /// </summary>
    Interrupted,
    /// <summary>A confirm ended it: already imported.</summary>
    Confirmed,
}

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

    /// <summary>Removes the upload and its markers, whoever uploaded it; a malformed or unknown token is ignored.</summary>
    void Delete(string? token);

    /// <summary>
    /// Takes the upload for one confirm: true for exactly one caller, after which <see cref="Load"/> finds nothing (two
    /// tabs confirming the same preview: the second must not import again, review 5). Give it back with
    /// <see cref="Release"/> when the confirm writes nothing, or end it with <see cref="MarkConfirmed"/>. The claim is held
    /// by something that dies with this process (so <see cref="StateOf"/> tells a running confirm from an interrupted one).
    /// </summary>
    bool TryClaim(string? token, string userId, string kind);

    /// <summary>Gives a claimed upload back (its confirm failed and wrote nothing): it may be confirmed again.</summary>
    void Release(string? token, string userId, string kind);

    /// <summary>Ends a claimed upload: the file is removed; the token is remembered until it would have expired.</summary>
    void MarkConfirmed(string? token, string userId, string kind);

    /// <summary>Where this user's upload of this kind stands (an expired or someone else's upload is <see cref="UploadState.Missing"/>).</summary>
    UploadState StateOf(string? token, string userId, string kind);
}

/// <summary>What a confirm that cannot take its upload tells the user, shown next to the upload field.</summary>
public static class UploadStateMessages
{
    /// <summary>
    /// The resource key for <paramref name="state"/>: already confirmed, being confirmed elsewhere, interrupted (upload
    /// again), else <paramref name="missingKey"/> (expired or missing, upload again).
    /// </summary>
    public static string KeyOf(UploadState state, string missingKey = "Import.UploadExpired") => state switch
    {
        UploadState.Confirmed => "Import.AlreadyConfirmed",
        UploadState.Confirming => "Import.Confirming",
        UploadState.Interrupted => "Import.Interrupted",
        _ => missingKey,
    };
}
