using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public sealed class StaleRowTests
{
    [Theory]
    [InlineData(null, null, 80.0, StaleRowOutcome.Write)]       // unchanged since loaded: the user's value is written
    [InlineData(70.0, 70.0, null, StaleRowOutcome.Write)]       // clearing a score nobody else touched
    [InlineData(null, 92.0, null, StaleRowOutcome.Keep)]        // imported meanwhile, row left blank as shown: the import stays
    [InlineData(70.0, 75.0, 70.0, StaleRowOutcome.Keep)]        // corrected meanwhile, row left as shown
    [InlineData(70.0, 75.0, 75.0, StaleRowOutcome.Keep)]        // both typed the same correction
    [InlineData(70.0, 75.0, 80.0, StaleRowOutcome.Conflict)]    // both changed it differently: told, not overwritten
    [InlineData(70.0, null, 80.0, StaleRowOutcome.Conflict)]    // cleared meanwhile, changed here
    public void A_stale_row_never_silently_overwrites_a_newer_value(double? shown, double? current, double? posted, StaleRowOutcome expected) =>
        Assert.Equal(expected, StaleRow.Decide(shown, current, posted));
}
