using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateReissue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_EnrollmentId",
                table: "Certificates");

            migrationBuilder.AddColumn<int>(
                name: "ReissueOfId",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_EnrollmentId_Valid",
                table: "Certificates",
                column: "EnrollmentId",
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ReissueOfId",
                table: "Certificates",
                column: "ReissueOfId");

            migrationBuilder.AddForeignKey(
                name: "FK_Certificates_Certificates_ReissueOfId",
                table: "Certificates",
                column: "ReissueOfId",
                principalTable: "Certificates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Certificates_Certificates_ReissueOfId",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_EnrollmentId_Valid",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_ReissueOfId",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "ReissueOfId",
                table: "Certificates");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_EnrollmentId",
                table: "Certificates",
                column: "EnrollmentId",
                unique: true);
        }
    }
}
