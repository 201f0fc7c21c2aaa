namespace TalentHub.Web.Data;

/// <summary>
/// One people or entity import being confirmed (issue 8, item 9). Its rows are written in short transactions
/// under its id (the shadow column <see cref="ImportBatchFilter.Column"/>) and stay invisible until
/// <see cref="ImportBatches.CommitAsync"/> clears that column in one short transaction; a batch that is never
/// committed is removed (<see cref="ImportBatches.DiscardAsync"/>, the <c>ImportCleanup</c> job, start-up).
/// </summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    /// <summary>"people" or "entities".</summary>
    public string Kind { get; set; } = "";
    public string? UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Moved after every written chunk: a batch untouched for <c>PendingBatchMinutes</c> is abandoned.</summary>
    public DateTimeOffset TouchedAt { get; set; }
}
