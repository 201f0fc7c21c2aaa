using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 12: the name bigrams of every person (<see cref="PersonNameGram"/>), kept by a trigger on People (insert,
    /// rename; deletes cascade) so every write path — EF, the bulk import, raw SQL — keeps them in step, and filled for
    /// the people already on record.
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
                    Gram = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.Sql("""
                CREATE FUNCTION people_name_grams() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF NEW."Name" IS NOT DISTINCT FROM OLD."Name" THEN RETURN NULL; END IF;
                        DELETE FROM "PersonNameGrams" WHERE "PersonId" = OLD."Id";
                    END IF;
                    INSERT INTO "PersonNameGrams" ("Gram", "PersonId")
                    SELECT DISTINCT substr(NEW."Name", n, 2), NEW."Id" FROM generate_series(1, char_length(NEW."Name") - 1) AS n
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "People_NameGrams" AFTER INSERT OR UPDATE OF "Name" ON "People"
                    FOR EACH ROW EXECUTE FUNCTION people_name_grams();
                INSERT INTO "PersonNameGrams" ("Gram", "PersonId")
                SELECT DISTINCT substr(p."Name", n, 2), p."Id" FROM "People" AS p, generate_series(1, char_length(p."Name") - 1) AS n
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "People_NameGrams" ON "People"; DROP FUNCTION IF EXISTS people_name_grams();""");
            migrationBuilder.DropTable(
                name: "PersonNameGrams");
        }
    }
}
