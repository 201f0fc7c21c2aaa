using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

public sealed class AtRiskTests
{
    private static List<SessionAttendance> Ten(params AttendanceMark?[] marked) =>
        Enumerable.Range(0, 10).Select(i => new SessionAttendance(4, i < marked.Length ? marked[i] : null)).ToList();

    [Fact]
    public void NoAbsences_IsNotAtRisk() =>
        Assert.Equal(AtRiskLevel.None, AtRisk.Assess(0.8m, Ten(AttendanceMark.Present, AttendanceMark.Late)));

    [Fact]
    public void OneAbsenceOfTen_LeavesRoomForOneMore() =>
        Assert.Equal(AtRiskLevel.None, AtRisk.Assess(0.8m, Ten(AttendanceMark.Absent)));

    [Fact]
    public void TwoAbsencesOfTen_AreOneAbsenceAway() =>
        Assert.Equal(AtRiskLevel.OneAbsenceAway, AtRisk.Assess(0.8m, Ten(AttendanceMark.Absent, AttendanceMark.Excused)));

    [Fact]
    public void ThreeAbsencesOfTen_MakeCompletionImpossible() =>
        Assert.Equal(AtRiskLevel.Impossible, AtRisk.Assess(0.8m, Ten(AttendanceMark.Absent, AttendanceMark.Absent, AttendanceMark.Absent)));

    [Fact]
    public void AllSessionsMarked_WithEnoughAttendance_IsNotAtRisk()
    {
        var marks = Enumerable.Repeat<AttendanceMark?>(AttendanceMark.Present, 8).Concat([AttendanceMark.Absent, AttendanceMark.Absent]).ToArray();
        Assert.Equal(AtRiskLevel.None, AtRisk.Assess(0.8m, Ten(marks)));
    }
}
