using System.Data.Common;

namespace TalentHub.Web.Data;

/// <summary>
/// The name bigrams (<see cref="PersonNameGram"/>) of the people an import writes under a pending batch, written by one
/// set-based INSERT … SELECT per chunk instead of the insert trigger firing once per person (issue 12, migration
/// <c>Perf5</c>: the trigger skips rows that carry an <see cref="ImportBatchFilter.Column"/>). The rows are exactly those
/// the trigger writes (same expression: code points 1..49 on SQLite, every position on PostgreSQL, each with the next
/// one). They are written in the chunk's own transaction, so a chunk that rolls back leaves none; until the flip the
/// people they point to are hidden by <see cref="ImportBatchFilter"/>, so a name search, which joins each gram to a
/// visible person, finds none of them; a discarded batch's people take their grams with them (delete trigger on SQLite,
/// cascading foreign key on PostgreSQL).
/// </summary>
public static class ImportBatchGrams
{
    /// <summary>Positions 1..49, as in the SQLite trigger of migration <c>Perf3</c>.</summary>
    private const string Positions = "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]";

    /// <summary>
    /// The first characters of <see cref="Positions"/> that list positions 1 .. length − 1 of <c>p."Name"</c> (at most 49),
    /// without the closing bracket: "[1,2,…,9" is 2·m characters for m ≤ 9 positions, then 3 more per position; "[" for a
    /// name of one character. Parsing only these instead of all 49 positions for every person halved the statement's
    /// SELECT (issue 12, imp9a; sqlite3, 100,000 benchmark names: 0.29 → 0.16 s); the rows are the same.
    /// </summary>
    internal const string PositionsOfName = """
        max(1, CASE WHEN length(p."Name") <= 10 THEN 2 * length(p."Name") - 2 ELSE 3 * min(length(p."Name"), 50) - 12 END)
        """;

    // CROSS JOIN keeps the people outside: otherwise SQLite walks the positions outside and reads every person of the
    // chunk once per position (49 times). Not sorted by gram: the sort cost more than it saved (sqlite3, 20,000 people:
    // 0.126 s sorted, 0.077 s not).
    private const string Sqlite = $"""
        INSERT OR IGNORE INTO "PersonNameGrams" ("Gram", "PersonId")
        SELECT substr(p."Name", j.value, 2), p."Id" FROM "People" AS p
        CROSS JOIN json_each(substr('{Positions}', 1, {PositionsOfName}) || ']') AS j
        WHERE p."Id" BETWEEN @min AND @max AND p."{ImportBatchFilter.Column}" = @batch AND j.value < length(p."Name")
        """;

    private const string Postgres = $"""
        INSERT INTO "PersonNameGrams" ("Gram", "PersonId")
        SELECT DISTINCT substr(p."Name", n, 2), p."Id" FROM "People" AS p, generate_series(1, char_length(p."Name") - 1) AS n
        WHERE p."Id" BETWEEN @min AND @max AND p."{ImportBatchFilter.Column}" = @batch
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Writes the bigrams of the people of <paramref name="batchId"/> whose keys lie in <paramref name="minId"/> ..
    /// <paramref name="maxId"/> (one chunk), in <paramref name="transaction"/>.
    /// </summary>
    /// <returns>How many gram rows were written.</returns>
    public static int Write(DbTransaction transaction, long batchId, int minId, int maxId)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = transaction.Connection is Microsoft.Data.Sqlite.SqliteConnection ? Sqlite : Postgres;
        Add(command, "@batch", batchId);
        Add(command, "@min", minId);
        Add(command, "@max", maxId);
        return command.ExecuteNonQuery();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
