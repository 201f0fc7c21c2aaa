using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 12 (perf5b): the name-bigram trigger skips people inserted under a pending import batch
    /// (<c>ImportBatchId</c> set); the import writes their bigrams itself, one set-based statement per chunk
    /// (<see cref="ImportBatchGrams"/>), the same rows the trigger would write. Renames and every other insert are unchanged.
    /// </summary>
    public partial class Perf5 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(skipPending: true));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Function(skipPending: false));

        private static string Function(bool skipPending) => $$"""
            CREATE OR REPLACE FUNCTION people_name_grams() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    IF NEW."Name" IS NOT DISTINCT FROM OLD."Name" THEN RETURN NULL; END IF;
                    DELETE FROM "PersonNameGrams" WHERE "PersonId" = OLD."Id";
                {{(skipPending ? """ELSIF NEW."ImportBatchId" IS NOT NULL THEN RETURN NULL;""" : "")}}
                END IF;
                INSERT INTO "PersonNameGrams" ("Gram", "PersonId")
                SELECT DISTINCT substr(NEW."Name", n, 2), NEW."Id" FROM generate_series(1, char_length(NEW."Name") - 1) AS n
                ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$;
            """;
    }
}
