using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TalentHub.Web.Data;

/// <summary>
/// Tells a save refused by a unique index from other failed saves, on either provider: SQLite's
/// SQLITE_CONSTRAINT (19) with the extended code SQLITE_CONSTRAINT_UNIQUE (2067) or, for a key the application
/// chooses (a form's one-time token, <see cref="FormSubmission"/>), SQLITE_CONSTRAINT_PRIMARYKEY (1555); PostgreSQL's
/// SQLSTATE 23505 (its primary keys included).
/// Pages check for a duplicate before saving; this is the case where another user saved the same value between
/// that check and the insert (or update).
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>True when <paramref name="ex"/> was caused by a unique index refusing the written row.</summary>
    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
