using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Privacy;

/// <summary>
/// Looks for identifiers in clear wherever the app keeps data: every file under the data directory
/// (databases, WAL, uploads, backups, notification and other logs) read as UTF-8, UTF-16 and GB18030,
/// the captured log lines, and the raw stored value of every encrypted column (read with plain SQL,
/// past the EF converter) on whichever provider the app runs.
/// </summary>
public static class AtRestScan
{
    static AtRestScan() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every file under <paramref name="root"/>, with the secrets it holds in clear (empty when clean).</summary>
    public static async Task<List<string>> FilesAsync(string root, IReadOnlyCollection<string> secrets)
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            var bytes = await ReadSharedAsync(file);
            var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes) + Encoding.GetEncoding("GB18030").GetString(bytes);
            found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Take(3)
                .Select(s => $"{Path.GetRelativePath(root, file)} holds {Mask(s)}"));
        }
        return found;
    }

    /// <summary>(table.column, row count) of every encrypted column, failing on a value holding a secret or readable in clear.</summary>
    public static async Task<List<(string Column, int Values)>> EncryptedColumnsAsync(IServiceProvider services, IReadOnlyCollection<string> secrets)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var columns = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.GetValueConverter() is EncryptedStringConverter)
                .Select(p => (Table: t.GetTableName()!, Column: p.GetColumnName())))
            .Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var seen = new List<(string, int)>();
        try
        {
            foreach (var (table, column) in columns)
            {
                await using DbCommand command = connection.CreateCommand();
                command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                var values = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) values.Add(reader.GetString(0));
                foreach (var value in values)
                {
                    Assert.DoesNotContain(secrets, s => value.Contains(s, StringComparison.Ordinal));
                    // Ciphertext, not something readable: no ID number, mobile or address shape.
                    Assert.DoesNotMatch(@"^\d{17}[\dXx]$|^1\d{10}$|@", value);
                }
                seen.Add(($"{table}.{column}", values.Count));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return seen;
    }

    private static string Mask(string secret) => secret.Length <= 4 ? "****" : secret[..3] + "…" + secret[^2..];

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
