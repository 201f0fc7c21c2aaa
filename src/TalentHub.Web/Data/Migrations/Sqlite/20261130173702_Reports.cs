using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnnualTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualTargets_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnnualTargets_Regions_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DispatchReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    Regenerations = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorSnapshots_Regions_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualTargets_CountyCode",
                table: "AnnualTargets",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualTargets_ProgramId_CountyCode_Indicator",
                table: "AnnualTargets",
                columns: new[] { "ProgramId", "CountyCode", "Indicator" },
                unique: true,
                filter: "\"ProgramId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualTargets_Year_CountyCode_Indicator",
                table: "AnnualTargets",
                columns: new[] { "Year", "CountyCode", "Indicator" },
                unique: true,
                filter: "\"ProgramId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchReports_Month",
                table: "DispatchReports",
                column: "Month",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSnapshots_CountyCode",
                table: "IndicatorSnapshots",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSnapshots_Day_CountyCode_Indicator",
                table: "IndicatorSnapshots",
                columns: new[] { "Day", "CountyCode", "Indicator" },
                unique: true);

            // One model of targets: each program's county trainee target becomes an AnnualTarget row (PeopleTrained).
            migrationBuilder.Sql("""
                INSERT INTO "AnnualTargets" ("Year", "CountyCode", "Indicator", "ProgramId", "Value")
                SELECT p."Year", t."CountyCode", 'PeopleTrained', t."ProgramId", CAST(t."Trainees" AS TEXT)
                FROM "ProgramTargets" t JOIN "Programs" p ON p."Id" = t."ProgramId"
                """);

            migrationBuilder.DropTable(
                name: "ProgramTargets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualTargets");

            migrationBuilder.DropTable(
                name: "DispatchReports");

            migrationBuilder.DropTable(
                name: "IndicatorSnapshots");

            migrationBuilder.CreateTable(
                name: "ProgramTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Trainees = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramTargets_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramTargets_Regions_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_CountyCode",
                table: "ProgramTargets",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramTargets_ProgramId_CountyCode",
                table: "ProgramTargets",
                columns: new[] { "ProgramId", "CountyCode" },
                unique: true);
        }
    }
}
