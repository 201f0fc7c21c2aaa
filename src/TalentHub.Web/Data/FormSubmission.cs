using Microsoft.EntityFrameworkCore;

namespace TalentHub.Web.Data;

/// <summary>
/// A create form's post that created a record, by the one-time token the form was rendered with (the key, so unique):
/// the same form posted again (a second tab, a retry after a lost answer, two posts at once) finds the record the
/// first post created instead of creating another. Written in the same transaction as the record; pruned after
/// <see cref="RetentionDays"/> (<see cref="PruneAsync"/>).
/// </summary>
public sealed class FormSubmission
{
    /// <summary>
    /// Days a token is kept after the post that recorded it: far longer than a form stays open or can still be posted (the
    /// sign-in lasts 8 hours, sliding; the antiforgery cookie ends with the browser session), so a repeat post within that
    /// time still finds its record. A post of a form whose token was pruned (a browser session kept open over 30 days and
    /// signed in again) finds nothing and creates its record like a new form, recording the token again.
    /// </summary>
    public const int RetentionDays = 30;

    /// <summary>
    /// Deletes the tokens recorded more than <see cref="RetentionDays"/> before <paramref name="now"/>, in one set-based
    /// statement (run by the ImportCleanup job, <c>Jobs/ImportCleanupJob.cs</c>); none due, it only reads, so it takes no write
    /// lock. Returns how many were deleted.
    /// </summary>
    public static async Task<int> PruneAsync(TalentHubDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-RetentionDays);
        var old = db.FormSubmissions.Where(s => s.CreatedAt < before);
        return await old.AnyAsync(ct) ? await old.ExecuteDeleteAsync(ct) : 0;
    }

    /// <summary>The token rendered in the form (a random GUID per rendering of the empty form).</summary>
    public Guid Token { get; set; }
    /// <summary>What the form creates: <see cref="FormKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The id of the record the post created.</summary>
    public int RecordId { get; set; }
    /// <summary>Who posted it; another user's token finds nothing.</summary>
    public required string UserName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The <see cref="FormSubmission.Kind"/> of each create form that carries a one-time token.</summary>
public static class FormKinds
{
    public const string Course = "Course";
    public const string Example = "Example";
    /// <summary>A training program; its (Year, Name) is unique, so without the token a repeated post read as a duplicate name.</summary>
    public const string Program = "Program";
    /// <summary>A person (人才库); the ID number is unique, so without the token a repeated post read as a duplicate.</summary>
    public const string Person = "Person";
    /// <summary>A business entity; its credit code is unique, so without the token a repeated post read as a duplicate.</summary>
    public const string Entity = "Entity";
    /// <summary>An API token; a repeated post (a refresh, a double click) would issue a second live token whose secret nobody sees.</summary>
    public const string ApiToken = "ApiToken";
}
