namespace TalentHub.Web.Domain.Training;

/// <summary>How close a trainee is to missing the attendance rule.</summary>
public enum AtRiskLevel
{
    None,
    /// <summary>Missing any one more of the remaining sessions would make completion impossible.</summary>
    OneAbsenceAway,
    /// <summary>Even attending every remaining session cannot reach the minimum share.</summary>
    Impossible,
}

/// <summary>
/// At-risk detection (PRODUCT.md §5): sessions without a mark are the ones still to come (or not yet
/// recorded) and are assumed attended when computing the best share still reachable.
/// </summary>
public static class AtRisk
{
    /// <param name="minShare">Minimum attended share, 0–1.</param>
    public static AtRiskLevel Assess(decimal minShare, IReadOnlyCollection<SessionAttendance> sessions)
    {
        var total = sessions.Sum(s => s.Hours);
        if (total <= 0) return AtRiskLevel.None;
        var attended = sessions.Where(s => s.Mark is { } m && AttendanceRecord.CountsAsAttended(m)).Sum(s => s.Hours);
        var remaining = sessions.Where(s => s.Mark is null).Select(s => s.Hours).ToList();
        var best = (attended + remaining.Sum()) / total;
        if (best < minShare) return AtRiskLevel.Impossible;
        if (remaining.Count > 0 && (attended + remaining.Sum() - remaining.Max()) / total < minShare) return AtRiskLevel.OneAbsenceAway;
        return AtRiskLevel.None;
    }
}
