using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Api2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Programs made before this migration carry its run time (UTC; SQLite stores UTC ticks), not year 1.
            migrationBuilder.Sql("""
                UPDATE "Programs" SET "CreatedAt" = (CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000), "UpdatedAt" = (CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Programs_UpdatedAt",
                table: "Programs",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programs_UpdatedAt",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Programs");
        }
    }
}
