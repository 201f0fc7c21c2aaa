using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using static TalentHub.Web.Services.Training.PersonOutcomes;

namespace TalentHub.Web.Services.Training;

/// <summary>
/// The five reads of a person's results (<see cref="PersonOutcomes"/>) on SQLite with fixed SQL on statements kept
/// prepared per physical connection (<see cref="SqliteStatements"/>): issue 12 (<c>perf6b</c>), dotnet-trace of a warm
/// <c>/People/{id}</c> put these five EF queries at ~32 % of the request (EF's per-query work, prepare, shaping). Same
/// rows as the EF reads: none of these tables carries a query filter there (enrollments, sessions and attendance are
/// not region-owned; certificates and follow-ups are read with the region filter lifted). Values are converted as EF's
/// SQLite mapping stores them: instants as UTC ticks, decimals and enums as text, booleans as 0/1.
/// </summary>
internal static class PersonOutcomesSqlite
{
    private const string EnrollmentsSql = "SELECT \"Id\", \"CourseId\", \"Score\", \"OutcomeReason\" FROM \"Enrollments\" WHERE \"PersonId\" = @person";
    private const string SessionsSql = "SELECT \"Id\", \"CourseId\", \"StartsAt\", \"EndsAt\" FROM \"CourseSessions\" WHERE \"CourseId\" IN (SELECT value FROM json_each(@courses))";
    private const string MarksSql = "SELECT \"EnrollmentId\", \"SessionId\", \"Mark\" FROM \"AttendanceRecords\" WHERE \"PersonId\" = @person";
    private const string CertificatesSql = "SELECT \"Id\", \"EnrollmentId\", \"Number\", \"RevokedAt\" FROM \"Certificates\" WHERE \"PersonId\" = @person";
    private const string FollowUpsSql = "SELECT \"Id\", \"EnrollmentId\", \"PersonId\", \"CourseId\", \"Months\", \"DueAt\", \"RecordedAt\", \"Unreachable\", " +
        "\"StartedBusiness\", \"JoinedEntity\", \"AdoptedTechnique\", \"IncomeChangePercent\", \"Employed\" FROM \"FollowUpTasks\" " +
        "WHERE \"PersonId\" = @person ORDER BY \"Months\", \"Id\"";

    /// <summary>The person's rows, or null when <paramref name="db"/> is not on SQLite.</summary>
    public static async Task<Story?> ReadAsync(TalentHubDbContext db, int personId, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection) return null;
        await using var open = await db.Database.OpenScopeAsync(ct);
        List<(string, object?)> person = [("person", personId)];
        var enrollments = new List<EnrollmentData>();
        SqliteStatements.Read(connection, EnrollmentsSql, person, s => enrollments.Add(
            new EnrollmentData(raw.sqlite3_column_int(s, 0), raw.sqlite3_column_int(s, 1), Decimal(s, 2), SqliteStatements.Text(s, 3))));
        var sessions = new List<SessionData>();
        if (enrollments.Count > 0)
        {
            var courses = "[" + string.Join(',', enrollments.Select(e => e.CourseId).Distinct().Select(c => c.ToString(CultureInfo.InvariantCulture))) + "]";
            SqliteStatements.Read(connection, SessionsSql, [("courses", courses)], s => sessions.Add(
                new SessionData(raw.sqlite3_column_int(s, 0), raw.sqlite3_column_int(s, 1), Instant(s, 2), Instant(s, 3))));
        }
        var marks = new List<MarkData>();
        SqliteStatements.Read(connection, MarksSql, person, s => marks.Add(
            new MarkData(raw.sqlite3_column_int(s, 0), raw.sqlite3_column_int(s, 1), Enum.Parse<AttendanceMark>(SqliteStatements.Text(s, 2)!, true))));
        var certificates = new List<CertificateData>();
        SqliteStatements.Read(connection, CertificatesSql, person, s => certificates.Add(
            new CertificateData(raw.sqlite3_column_int(s, 0), raw.sqlite3_column_int(s, 1), SqliteStatements.Text(s, 2)!, NullableInstant(s, 3))));
        var followUps = new List<FollowUpData>();
        SqliteStatements.Read(connection, FollowUpsSql, person, s => followUps.Add(new FollowUpData(
            raw.sqlite3_column_int(s, 0), raw.sqlite3_column_int(s, 1), raw.sqlite3_column_int(s, 2), raw.sqlite3_column_int(s, 3),
            raw.sqlite3_column_int(s, 4), Instant(s, 5), NullableInstant(s, 6), raw.sqlite3_column_int64(s, 7) != 0,
            raw.sqlite3_column_int64(s, 8) != 0, raw.sqlite3_column_int64(s, 9) != 0, raw.sqlite3_column_int64(s, 10) != 0,
            Decimal(s, 11), raw.sqlite3_column_int64(s, 12) != 0)));
        return new Story(enrollments, sessions, marks, certificates, followUps);
    }

    private static DateTimeOffset Instant(sqlite3_stmt s, int column) => new(raw.sqlite3_column_int64(s, column), TimeSpan.Zero);

    private static DateTimeOffset? NullableInstant(sqlite3_stmt s, int column) =>
        raw.sqlite3_column_type(s, column) == raw.SQLITE_NULL ? null : Instant(s, column);

    private static decimal? Decimal(sqlite3_stmt s, int column) => raw.sqlite3_column_type(s, column) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_TEXT => decimal.Parse(SqliteStatements.Text(s, column)!, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
        _ => (decimal)raw.sqlite3_column_double(s, column),
    };
}
