using Microsoft.Data.Sqlite;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// The bulk insert's prepared statement (issue 12, imp9a) binds a parameter again only when its value changes between
/// executions; what is stored is exactly what binding every value would store.
/// </summary>
public sealed class SqliteRowsTests
{
    [Fact]
    public void A_value_repeated_from_the_last_execution_is_not_bound_again_and_every_row_is_stored_as_given()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (a, b, c)";
            create.ExecuteNonQuery();
        }
        // Two rows a statement; every execution binds 6 parameters.
        object?[][] rows =
        [
            ["批次7", 7L, null], ["批次7", 7L, "x"],
            ["批次7", 7L, null], ["批次7", 7L, "x"],        // all repeat: nothing bound
            ["批次7", 7, "x"], ["批次8", 7L, DBNull.Value],  // int 7 is not long 7
            ["批次8", 7L, null], ["批次8", 7L, "y"],
        ];
        using (var rowsStatement = new SqliteRows(connection.Handle!, "INSERT INTO t (a, b, c) VALUES (?, ?, ?), (?, ?, ?)"))
        {
            for (var start = 0; start < rows.Length; start += 2)
            {
                for (var r = 0; r < 2; r++)
                    for (var i = 0; i < 3; i++)
                        rowsStatement.Bind(r * 3 + i + 1, rows[start + r][i]);
                rowsStatement.Execute(null);
            }
            // 6 the first time, 0 the second; third: b (int 7 after long 7), c ("x" after null), a and c of the second row;
            // fourth: a ("批次8" after "批次7"), b (long after int), c (null after "x"), and the second row's c ("y").
            Assert.Equal(6 + 0 + 4 + 4, rowsStatement.NativeBinds);
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT a, b, typeof(b), c FROM t ORDER BY rowid";
        using var reader = read.ExecuteReader();
        var stored = new List<string>();
        while (reader.Read()) stored.Add($"{reader.GetString(0)}|{reader.GetInt64(1)}|{reader.GetString(2)}|{(reader.IsDBNull(3) ? "null" : reader.GetString(3))}");
        Assert.Equal(rows.Select(r => $"{r[0]}|{Convert.ToInt64(r[1])}|integer|{(r[2] is string s ? s : "null")}"), stored);
    }
}
