using System.Text.RegularExpressions;

namespace TalentHub.Web.Domain.Reports;

/// <summary>Whether a typical example is a person or a business entity.</summary>
public enum ExampleSubject
{
    Person,
    Entity,
}

/// <summary>Where a typical example stands: proposed by an officer, then approved or rejected by a city officer.</summary>
public enum ExampleStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A typical example (典型案例, PRODUCT.md §7): an officer proposes a person or an entity of their county with a short
/// story and a photo; a city officer other than the proposer approves it (maker-checker) or rejects it with a reason.
/// Approved ones appear on the dashboard, in the dispatch report of the month of approval and on the public
/// <c>/Examples</c> page with personal details masked.
/// </summary>
public sealed partial class TypicalExample : IRegionOwned, IAudited, IVersioned
{
    /// <summary>Longest headline, in characters.</summary>
    public const int TitleMax = 60;
    /// <summary>Longest story, in characters.</summary>
    public const int StoryMax = 1000;

    public int Id { get; private set; }
    public ExampleSubject Subject { get; private set; }
    public int? PersonId { get; private set; }
    public int? EntityId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string CountyCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Story { get; private set; } = "";
    /// <summary>The cleaned photo (JPEG, metadata stripped by re-encoding); see <c>ExamplePhotos</c>.</summary>
    public byte[] Photo { get; private set; } = [];
    public ExampleStatus Status { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectReason { get; private set; }
    /// <summary>Starts at 1; moved on by the stamps interceptor.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// Every rule of <see cref="Propose"/> that <paramref name="title"/>, <paramref name="story"/> and <paramref name="photo"/>
    /// break, each with its field ("Title", "Story", "Photo"), so a form shows them all at once.
    /// </summary>
    public static IReadOnlyList<DomainException> Problems(string? title, string? story, byte[] photo)
    {
        var problems = new List<DomainException>();
        title = title?.Trim() ?? "";
        story = story?.Trim() ?? "";
        if (title.Length == 0) problems.Add(new DomainException("Example.TitleRequired", "Title"));
        if (title.Length > TitleMax) problems.Add(new DomainException("Example.TitleTooLong", "Title", TitleMax));
        if (story.Length == 0) problems.Add(new DomainException("Example.StoryRequired", "Story"));
        if (story.Length > StoryMax) problems.Add(new DomainException("Example.StoryTooLong", "Story", StoryMax));
        if (LongNumber().IsMatch(title) || LongNumber().IsMatch(story)) problems.Add(new DomainException("Example.NoNumbers", "Story"));
        if (photo.Length == 0) problems.Add(new DomainException("Example.PhotoRequired", "Photo"));
        return problems;
    }

    /// <summary>
    /// A new proposal. The headline (1–60 characters) and story (1–1000 characters) may not carry an ID or mobile
    /// number (a run of 11 or more digits, also written in groups split by single spaces or hyphens), since the story is published; the photo must already be cleaned.
    /// </summary>
    public static TypicalExample Propose(ExampleSubject subject, int subjectId, string regionCode, string countyCode,
        string? title, string? story, byte[] photo, string by, DateTimeOffset now)
    {
        if (Problems(title, story, photo) is [var first, ..]) throw first;
        title = title!.Trim();
        story = story!.Trim();
        return new TypicalExample
        {
            Subject = subject, PersonId = subject == ExampleSubject.Person ? subjectId : null,
            EntityId = subject == ExampleSubject.Entity ? subjectId : null, RegionCode = regionCode, CountyCode = countyCode,
            Title = title, Story = story, Photo = photo, Status = ExampleStatus.Pending, ProposedBy = by, ProposedAt = now,
        };
    }

    /// <summary>Approves a pending proposal; the proposer may not approve their own (maker-checker).</summary>
    public void Approve(string by, DateTimeOffset now)
    {
        Decide(by);
        Status = ExampleStatus.Approved;
        DecidedBy = by;
        DecidedAt = now;
    }

    /// <summary>Rejects a pending proposal with a reason (1–200 characters) the proposer reads.</summary>
    public void Reject(string by, string? reason, DateTimeOffset now)
    {
        Decide(by);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new DomainException("Example.ReasonRequired", "Reason");
        if (reason.Length > 200) throw new DomainException("Example.ReasonTooLong", "Reason", 200);
        Status = ExampleStatus.Rejected;
        RejectReason = reason;
        DecidedBy = by;
        DecidedAt = now;
    }

    private void Decide(string by)
    {
        if (Status != ExampleStatus.Pending) throw new DomainException("Example.AlreadyDecided");
        if (string.Equals(by, ProposedBy, StringComparison.OrdinalIgnoreCase)) throw new DomainException("Example.OwnProposal");
    }

    /// <summary>11 or more digits, each pair at most one space or hyphen apart (138 1234 5678, 138-1234-5678 too).</summary>
    [GeneratedRegex(@"\d(?:[ \-\u3000]?\d){10,}")]
    private static partial Regex LongNumber();
}
