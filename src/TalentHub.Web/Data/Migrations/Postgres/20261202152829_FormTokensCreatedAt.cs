using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// training31: index IX_FormSubmissions_CreatedAt, so the purge of old form tokens (FormSubmission.PruneAsync, by CreatedAt)
    /// does not scan the whole table.
    /// </summary>
    public partial class FormTokensCreatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_CreatedAt",
                table: "FormSubmissions",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormSubmissions_CreatedAt",
                table: "FormSubmissions");
        }
    }
}
