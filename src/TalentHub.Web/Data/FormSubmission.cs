namespace TalentHub.Web.Data;

/// <summary>
/// A create form's post that created a record, by the one-time token the form was rendered with (the key, so unique):
/// the same form posted again (a second tab, a retry after a lost answer, two posts at once) finds the record the
/// first post created instead of creating another. Written in the same transaction as the record.
/// </summary>
public sealed class FormSubmission
{
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

/// <summary>The <see cref="FormSubmission.Kind"/> of each create form without a natural unique key.</summary>
public static class FormKinds
{
    public const string Course = "Course";
    public const string Example = "Example";
}
