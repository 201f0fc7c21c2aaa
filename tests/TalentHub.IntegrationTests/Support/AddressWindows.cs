namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The per-address ceilings count posts in fixed windows aligned to the UTC clock
/// (<c>RequestLimits.AddressPolicy.WindowAt</c>: a login minute starts at :00). A test that counts posts up to a ceiling
/// must not let them straddle a window's end, or the window turning would free the post it expects refused.
/// </summary>
public static class AddressWindows
{
    /// <summary>Room enough for a test's few posts, also on a loaded CI machine.</summary>
    public static readonly TimeSpan Need = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Returns at once when the current <paramref name="window"/> has at least <paramref name="need"/> (default
    /// <see cref="Need"/>) left; else waits for the next one.
    /// </summary>
    public static async Task RoomInAsync(TimeSpan window, TimeSpan? need = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var left = TimeSpan.FromTicks(window.Ticks - clock.GetUtcNow().UtcTicks % window.Ticks);
        if (left < (need ?? Need)) await Task.Delay(left + TimeSpan.FromMilliseconds(200), clock);
    }
}
