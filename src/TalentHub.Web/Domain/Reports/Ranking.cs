namespace TalentHub.Web.Domain.Reports;

/// <summary>比学赶超: counties ranked by their progress score; equal scores share a rank (1, 1, 3).</summary>
public static class Ranking
{
    /// <summary>
    /// The county's score: the mean of its actual shares over indicators with a positive target, each capped at
    /// 1.5 so one over-fulfilled indicator cannot hide the others; null when it has no judged indicator.
    /// </summary>
    public static decimal? Score(IEnumerable<decimal?> actualShares)
    {
        var judged = actualShares.Where(s => s is not null).Select(s => Math.Min(s!.Value, 1.5m)).ToList();
        return judged.Count == 0 ? null : Math.Round(judged.Average(), 4);
    }

    /// <summary>Standard competition ranking by score, highest first; a county without a score ranks last.</summary>
    public static IReadOnlyDictionary<string, int> Rank(IReadOnlyDictionary<string, decimal?> scores)
    {
        var ranks = new Dictionary<string, int>();
        foreach (var (county, score) in scores)
        {
            var value = score ?? decimal.MinValue;
            ranks[county] = 1 + scores.Values.Count(other => (other ?? decimal.MinValue) > value);
        }
        return ranks;
    }

    /// <summary>Places moved up since the previous ranking (positive = up); null when not ranked before.</summary>
    public static int? Movement(int rank, int? previousRank) => previousRank is null ? null : previousRank.Value - rank;
}
