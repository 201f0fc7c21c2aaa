using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Issue 12 (imp9a), two changes that make every insert of a person cheaper (<c>EXPLAIN QUERY PLAN</c> evidence in
    /// BENCHMARKS.md, "import, imp9a"):
    /// <list type="bullet">
    /// <item><c>IX_People_Name</c> dropped: no query reads it (every name order is <c>COLLATE pinyin</c>, which a binary
    /// index cannot serve; fragments go through <c>PersonNameGrams</c>; a county-scoped scan uses
    /// <c>IX_People_CountyCode_Name</c>).</item>
    /// <item><c>PersonNameGrams</c> rebuilt <c>WITHOUT ROWID</c>: its key (Gram, PersonId) becomes the table itself, so a
    /// gram row is two B-tree entries (the key, <c>IX_PersonNameGrams_PersonId</c>) instead of three (rowid table, the key's
    /// automatic index, the person index). EF Core cannot declare this, so a future EF rebuild of this table would quietly
    /// bring the rowid back: keep it <c>WITHOUT ROWID</c> by hand. The rebuild drops and re-creates the three People
    /// triggers of <c>Perf3</c>/<c>Perf5</c> (a rename checks their bodies against the schema), unchanged.</item>
    /// </list>
    /// </summary>
    public partial class Imp9 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_People_Name", table: "People");
            migrationBuilder.Sql(Rebuild(withoutRowId: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Rebuild(withoutRowId: false));
            migrationBuilder.CreateIndex(name: "IX_People_Name", table: "People", column: "Name");
        }

        private const string Grams = "INSERT OR IGNORE INTO PersonNameGrams (Gram, PersonId) SELECT substr(NEW.Name, j.value, 2), NEW.Id FROM json_each('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49]') AS j WHERE j.value < length(NEW.Name)";

        /// <summary>The gram table copied into a new one (rows in key order), the triggers of Perf3/Perf5 put back.</summary>
        private static string Rebuild(bool withoutRowId) => $"""
            DROP TRIGGER IF EXISTS People_NameGrams_Insert;
            DROP TRIGGER IF EXISTS People_NameGrams_Rename;
            DROP TRIGGER IF EXISTS People_NameGrams_Delete;
            CREATE TABLE "PersonNameGrams_new" (
                "Gram" TEXT NOT NULL,
                "PersonId" INTEGER NOT NULL,
                CONSTRAINT "PK_PersonNameGrams" PRIMARY KEY ("Gram", "PersonId"),
                CONSTRAINT "FK_PersonNameGrams_People_PersonId" FOREIGN KEY ("PersonId") REFERENCES "People" ("Id") ON DELETE CASCADE
            ){(withoutRowId ? " WITHOUT ROWID" : "")};
            INSERT INTO "PersonNameGrams_new" ("Gram", "PersonId") SELECT "Gram", "PersonId" FROM "PersonNameGrams" ORDER BY "Gram", "PersonId";
            DROP TABLE "PersonNameGrams";
            ALTER TABLE "PersonNameGrams_new" RENAME TO "PersonNameGrams";
            CREATE INDEX "IX_PersonNameGrams_PersonId" ON "PersonNameGrams" ("PersonId");
            CREATE TRIGGER People_NameGrams_Insert AFTER INSERT ON People WHEN NEW.ImportBatchId IS NULL
            BEGIN
                {Grams};
            END;
            CREATE TRIGGER People_NameGrams_Rename AFTER UPDATE OF Name ON People WHEN NEW.Name IS NOT OLD.Name
            BEGIN
                DELETE FROM PersonNameGrams WHERE PersonId = OLD.Id;
                {Grams};
            END;
            CREATE TRIGGER People_NameGrams_Delete AFTER DELETE ON People
            BEGIN
                DELETE FROM PersonNameGrams WHERE PersonId = OLD.Id;
            END;
            """;
    }
}
