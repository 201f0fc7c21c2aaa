using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Imports3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "PersonCategory",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "People",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "EntityStatusChanges",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "EntityMembers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "BusinessEntities",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportBatchId",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TouchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonCategory_ImportBatchId",
                table: "PersonCategory",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_ImportBatchId",
                table: "People",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EntityStatusChanges_ImportBatchId",
                table: "EntityStatusChanges",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EntityMembers_ImportBatchId",
                table: "EntityMembers",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessEntities_ImportBatchId",
                table: "BusinessEntities",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ImportBatchId",
                table: "AuditEntries",
                column: "ImportBatchId",
                filter: "\"ImportBatchId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_TouchedAt",
                table: "ImportBatches",
                column: "TouchedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_PersonCategory_ImportBatchId",
                table: "PersonCategory");

            migrationBuilder.DropIndex(
                name: "IX_People_ImportBatchId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_EntityStatusChanges_ImportBatchId",
                table: "EntityStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_EntityMembers_ImportBatchId",
                table: "EntityMembers");

            migrationBuilder.DropIndex(
                name: "IX_BusinessEntities_ImportBatchId",
                table: "BusinessEntities");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ImportBatchId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "PersonCategory");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "EntityStatusChanges");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "EntityMembers");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "BusinessEntities");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "AuditEntries");
        }
    }
}
