using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Api2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Programs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Programs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Programs made before this migration carry its run time (UTC; SQLite stores UTC ticks), not year 1.
            migrationBuilder.Sql("""
                UPDATE "Programs" SET "CreatedAt" = now(), "UpdatedAt" = now();
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
