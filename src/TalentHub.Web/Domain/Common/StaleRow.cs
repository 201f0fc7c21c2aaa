namespace TalentHub.Web.Domain.Common;

/// <summary>What saving one row of a bulk form (a score sheet, a roll call) does when the row may have changed since the form was loaded.</summary>
public enum StaleRowOutcome
{
    /// <summary>The stored value is still the one the form showed: the posted value is written.</summary>
    Write,
    /// <summary>Changed meanwhile, and the user left the row as shown (or typed what is stored now): the newer stored value stays, silently.</summary>
    Keep,
    /// <summary>Changed meanwhile and the user changed it too, to something else: the newer stored value stays and the user is told.</summary>
    Conflict,
}

/// <summary>
/// The rule for a bulk form posted from a stale page: a row the user did not touch never overwrites what someone else saved after
/// the page was loaded, and a row both changed keeps the stored value and is reported rather than silently overwritten (last
/// writer does not win). <c>shown</c> is the value the page showed (posted back in a hidden field), <c>current</c> the stored value
/// now, <c>posted</c> what the user submitted; null is a valid value (no score / no mark).
/// </summary>
public static class StaleRow
{
    /// <summary>
    /// Decides one row from three facts: whether the stored value changed since the page was loaded, whether the user posted
    /// the row as the page showed it, and whether they posted what is stored now.
    /// </summary>
    public static StaleRowOutcome Decide(bool changedMeanwhile, bool postedAsShown, bool postedAsStored)
    {
        if (!changedMeanwhile) return StaleRowOutcome.Write;
        return postedAsShown || postedAsStored ? StaleRowOutcome.Keep : StaleRowOutcome.Conflict;
    }

    /// <summary>Decides one row of plain values (a score), comparing with <see cref="EqualityComparer{T}.Default"/>.</summary>
    public static StaleRowOutcome Decide<T>(T shown, T current, T posted)
    {
        var same = EqualityComparer<T>.Default;
        return Decide(!same.Equals(shown, current), same.Equals(posted, shown), same.Equals(posted, current));
    }
}
