namespace TalentHub.Web.Domain.Reports;

/// <summary>
/// A monthly dispatch report (调度通报) as issued: the figures are frozen in <see cref="Figures"/> (JSON) when it is
/// generated, so later data corrections do not rewrite it; regenerating is an explicit, audited action.
/// </summary>
public sealed class DispatchReport : IAudited, IVersioned
{
    public int Id { get; private set; }
    /// <summary>The reported month, "yyyy-MM" (Asia/Shanghai).</summary>
    public required string Month { get; init; }
    public DateTimeOffset IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    /// <summary>The frozen board: JSON of <c>DispatchFigures</c>.</summary>
    public string Figures { get; private set; } = "";
    /// <summary>How many times it was regenerated after first issue.</summary>
    public int Regenerations { get; private set; }
    /// <summary>Starts at 1; moved on by the stamps interceptor.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Stores (or, when regenerating, replaces) the figures as issued now.</summary>
    public void Issue(string figures, string? by, DateTimeOffset now)
    {
        if (Figures.Length > 0) Regenerations++;
        Figures = figures;
        IssuedBy = by;
        IssuedAt = now;
    }
}
