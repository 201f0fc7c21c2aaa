namespace TalentHub.Web.Domain.People;

/// <summary>What a returning or incoming entrepreneur started (stored with the person).</summary>
public sealed class Venture : IAudited
{
    public EntrepreneurOrigin Origin { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? Name { get; set; }
    public string? Industry { get; set; }
    /// <summary>万元 (10,000 yuan).</summary>
    public decimal? Investment { get; set; }
    public int? JobsCreated { get; set; }
    public int? EntityId { get; set; }
}
