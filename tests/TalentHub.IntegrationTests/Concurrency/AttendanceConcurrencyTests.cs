namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>A mark written between the roll call's read and its write, on SQLite (see <see cref="AttendanceRaces"/>).</summary>
public sealed class AttendanceConcurrencyTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task AMarkWrittenMeanwhile_FailsTheSave() => AttendanceRaces.AMarkWrittenBetweenTheSavesReadAndWrite_FailsTheSave_NotOverwrittenAsync(App);
}
