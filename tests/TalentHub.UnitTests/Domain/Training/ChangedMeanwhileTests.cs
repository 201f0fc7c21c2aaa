using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>rollcall33: a roll call or sign-in sheet loaded at 09:00 must not overwrite marks set after it.</summary>
public sealed class ChangedMeanwhileTests
{
    private static readonly MarkStamp AbsentAtNine = new(AttendanceMark.Absent, 900);
    private static readonly MarkStamp PresentByCheckIn = new(AttendanceMark.Present, 910);
    private static readonly MarkStamp ExcusedByClerk = new(AttendanceMark.Excused, 920);

    private static ShownRow Shown(MarkStamp stamp) => new(stamp, stamp.Mark);

    [Fact]
    public void ARowUnchangedSinceThePageWasLoaded_IsSaved()
    {
        Assert.Equal(StaleRowOutcome.Write, ChangedMeanwhile.Decide(Shown(AbsentAtNine), AbsentAtNine, AttendanceMark.Late));
        Assert.Equal(StaleRowOutcome.Write, ChangedMeanwhile.Decide(Shown(MarkStamp.None), MarkStamp.None, AttendanceMark.Present));
    }

    [Fact]
    public void ARowPostedWithoutAStamp_IsSavedAsBefore() =>
        Assert.Equal(StaleRowOutcome.Write, ChangedMeanwhile.Decide(null, PresentByCheckIn, AttendanceMark.Absent));

    [Fact]
    public void AFarmersCheckInAfterTheRollWasLoaded_IsKeptQuietly_WhenTheTeacherLeftTheRowAsShown()
    {
        // The row showed no mark and posts none: nothing asked. The sign-in sheet's unticked row reads as Absent, as shown.
        Assert.Equal(StaleRowOutcome.Keep,
            ChangedMeanwhile.Decide(new ShownRow(MarkStamp.None, AttendanceMark.Absent), PresentByCheckIn, AttendanceMark.Absent));
        Assert.Equal(StaleRowOutcome.Keep, ChangedMeanwhile.Decide(Shown(AbsentAtNine), ExcusedByClerk, AttendanceMark.Absent));
    }

    [Fact]
    public void ARowTheUserChanged_ThatWasAlsoChangedMeanwhile_KeepsTheNewerMark_AndIsTold()
    {
        Assert.Equal(StaleRowOutcome.Conflict, ChangedMeanwhile.Decide(Shown(AbsentAtNine), ExcusedByClerk, AttendanceMark.Late));
        Assert.Equal(StaleRowOutcome.Conflict, ChangedMeanwhile.Decide(Shown(MarkStamp.None), PresentByCheckIn, AttendanceMark.Absent));
    }

    [Fact]
    public void ARowTheUserSetToWhatIsStoredAlready_IsNotAConflict() =>
        Assert.Equal(StaleRowOutcome.Keep, ChangedMeanwhile.Decide(Shown(AbsentAtNine), PresentByCheckIn, AttendanceMark.Present));

    [Fact]
    public void TheSameMarkSetAgainLater_StillCountsAsAChange()
    {
        // Another clerk set Absent again (a new instant): the stamp moved, so a change of the row is not written over it.
        var again = AbsentAtNine with { Ticks = 950 };
        Assert.Equal(StaleRowOutcome.Conflict, ChangedMeanwhile.Decide(Shown(AbsentAtNine), again, AttendanceMark.Late));
    }

    [Fact]
    public void AllPresent_KeepsAMarkThatAppearedAfterItsRead_Quietly() =>
        // "All present" picks no mark for any one row: a row marked since it read the roll counts as left untouched.
        Assert.Equal(StaleRowOutcome.Keep,
            ChangedMeanwhile.Decide(new ShownRow(MarkStamp.None, AttendanceMark.Present), new MarkStamp(AttendanceMark.Late, 930), AttendanceMark.Present));
}
