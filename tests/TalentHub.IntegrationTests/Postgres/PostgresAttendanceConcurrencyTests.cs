using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>A mark written between the roll call's read and its write, on PostgreSQL (see <see cref="AttendanceRaces"/>).</summary>
public sealed class PostgresAttendanceConcurrencyTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact] public Task AMarkWrittenMeanwhile_FailsTheSave() => AttendanceRaces.AMarkWrittenBetweenTheSavesReadAndWrite_FailsTheSave_NotOverwrittenAsync(App);
}
