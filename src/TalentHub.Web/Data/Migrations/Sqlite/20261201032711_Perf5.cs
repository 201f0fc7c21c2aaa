using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 12 (perf5b): the name-bigram insert trigger skips people written under a pending import batch
    /// (<c>ImportBatchId</c> set); the import writes their bigrams itself, one set-based statement per chunk
    /// (<see cref="ImportBatchGrams"/>), the same rows the trigger would write. Every other write path is unchanged.
    /// </summary>
    public partial class Perf5 : Migration
    {
        private const string Grams = "INSERT OR IGNORE INTO PersonNameGrams (Gram, PersonId) SELECT substr(NEW.Name, j.value, 2), NEW.Id FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]') AS j WHERE j.value < length(NEW.Name)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER IF EXISTS People_NameGrams_Insert;
                CREATE TRIGGER People_NameGrams_Insert AFTER INSERT ON People WHEN NEW.ImportBatchId IS NULL
                BEGIN
                    {Grams};
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER IF EXISTS People_NameGrams_Insert;
                CREATE TRIGGER People_NameGrams_Insert AFTER INSERT ON People
                BEGIN
                    {Grams};
                END;
                """);
        }
    }
}
