using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 12: the name bigrams of every person (<see cref="PersonNameGram"/>), kept by triggers on People (insert,
    /// rename, delete) so every write path — EF, the bulk import, raw SQL — keeps them in step, and filled for the people
    /// already on record. Positions come from <c>json_each</c> (SQLite allows no CTE in a trigger).
    /// </summary>
    public partial class Perf3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonNameGrams",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNameGrams", x => new { x.Gram, x.PersonId });
                    table.ForeignKey(
                        name: "FK_PersonNameGrams_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNameGrams_PersonId",
                table: "PersonNameGrams",
                column: "PersonId");

            var insertNew = GramsOf("NEW", "INSERT OR IGNORE INTO PersonNameGrams (Gram, PersonId)", "");
            migrationBuilder.Sql($"""
                   CREATE TRIGGER People_NameGrams_Insert AFTER INSERT ON People
                   BEGIN
                       {insertNew};
                   END;
                   CREATE TRIGGER People_NameGrams_Rename AFTER UPDATE OF Name ON People WHEN NEW.Name IS NOT OLD.Name
                   BEGIN
                       DELETE FROM PersonNameGrams WHERE PersonId = OLD.Id;
                       {insertNew};
                   END;
                   CREATE TRIGGER People_NameGrams_Delete AFTER DELETE ON People
                   BEGIN
                       DELETE FROM PersonNameGrams WHERE PersonId = OLD.Id;
                   END;
                   """);
            migrationBuilder.Sql(GramsOf("p", "INSERT OR IGNORE INTO PersonNameGrams (Gram, PersonId)", "People AS p, "));
        }

        /// <summary>Bigrams of <paramref name="row"/>.Name (code points 1..49, each with the next one) inserted by <paramref name="insert"/>.</summary>
        private static string GramsOf(string row, string insert, string from) =>
            $"{insert} SELECT substr({row}.Name, j.value, 2), {row}.Id FROM {from}json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]') AS j WHERE j.value < length({row}.Name)";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS People_NameGrams_Insert; DROP TRIGGER IF EXISTS People_NameGrams_Rename; DROP TRIGGER IF EXISTS People_NameGrams_Delete;");
            migrationBuilder.DropTable(
                name: "PersonNameGrams");
        }
    }
}
