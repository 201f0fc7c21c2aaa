namespace TalentHub.Web.Data;

/// <summary>The outcome of one execution of a scheduled job, shown on /Admin/Jobs.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string JobName { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public string? Message { get; set; }
}
