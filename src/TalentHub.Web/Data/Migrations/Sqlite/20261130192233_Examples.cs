using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Examples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TypicalExamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Story = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Photo = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TypicalExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TypicalExamples_BusinessEntities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "BusinessEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TypicalExamples_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TypicalExamples_CountyCode",
                table: "TypicalExamples",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_TypicalExamples_EntityId",
                table: "TypicalExamples",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_TypicalExamples_PersonId",
                table: "TypicalExamples",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TypicalExamples_Status_DecidedAt",
                table: "TypicalExamples",
                columns: new[] { "Status", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TypicalExamples");
        }
    }
}
