using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

public sealed class SignInSheetEntryTests
{
    private static Dictionary<int, AttendanceMark> Marks(AttendanceMark? current, bool signed, AttendanceMark? chosen = null) =>
        SignInSheetEntry.Marks([(1, current)], new HashSet<int> { 1 }, signed ? new HashSet<int> { 1 } : [],
            chosen is { } c ? new Dictionary<int, AttendanceMark> { [1] = c } : []);

    [Theory]
    [InlineData(null, AttendanceMark.Absent)]
    [InlineData(AttendanceMark.Present, AttendanceMark.Absent)]
    [InlineData(AttendanceMark.Late, AttendanceMark.Absent)]
    public void AnUnsignedRow_BecomesAbsent_APresentIncluded(AttendanceMark? current, AttendanceMark expected) =>
        Assert.Equal(expected, Marks(current, signed: false)[1]);

    [Fact]
    public void AnUnsignedExcusedRow_StaysExcused_AndAnUnchangedRowIsLeftOut()
    {
        Assert.Empty(Marks(AttendanceMark.Excused, signed: false));
        Assert.Empty(Marks(AttendanceMark.Absent, signed: false));
        Assert.Empty(Marks(AttendanceMark.Present, signed: true));
    }

    [Theory]
    [InlineData(null, AttendanceMark.Present)]
    [InlineData(AttendanceMark.Absent, AttendanceMark.Present)]
    [InlineData(AttendanceMark.Excused, AttendanceMark.Present)]
    public void ASignedRow_BecomesPresent(AttendanceMark? current, AttendanceMark expected) =>
        Assert.Equal(expected, Marks(current, signed: true)[1]);

    [Fact]
    public void ASignedLateRow_StaysLate() => Assert.Empty(Marks(AttendanceMark.Late, signed: true));

    [Theory]
    [InlineData(AttendanceMark.Present, true, AttendanceMark.Late)]
    [InlineData(AttendanceMark.Present, false, AttendanceMark.Excused)]
    [InlineData(AttendanceMark.Present, true, AttendanceMark.Absent)]
    [InlineData(null, false, AttendanceMark.Present)]
    public void AChosenMark_WinsOverTheTick(AttendanceMark? current, bool signed, AttendanceMark chosen) =>
        Assert.Equal(chosen, Marks(current, signed, chosen)[1]);

    [Fact]
    public void ATraineeTheSheetHadNoRowFor_IsLeftAsTheyAre()
    {
        var marks = SignInSheetEntry.Marks([(1, AttendanceMark.Present), (2, null)], new HashSet<int> { 2 }, new HashSet<int>(),
            new Dictionary<int, AttendanceMark>());

        Assert.Equal(AttendanceMark.Absent, Assert.Single(marks, m => m.Key == 2).Value);
        Assert.False(marks.ContainsKey(1));
    }
}
