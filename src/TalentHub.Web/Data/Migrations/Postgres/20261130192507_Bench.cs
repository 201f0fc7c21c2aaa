using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Bench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DueAt_CountyCode_RecordedAt",
                table: "FollowUpTasks",
                columns: new[] { "DueAt", "CountyCode", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrollments_Status_CompletedAt",
                table: "Enrollments",
                columns: new[] { "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IssuedAt_CountyCode",
                table: "Certificates",
                columns: new[] { "IssuedAt", "CountyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_PersonId",
                table: "AttendanceRecords",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DueAt_CountyCode_RecordedAt",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_Enrollments_Status_CompletedAt",
                table: "Enrollments");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_IssuedAt_CountyCode",
                table: "Certificates");

            migrationBuilder.DropIndex(
                name: "IX_AttendanceRecords_PersonId",
                table: "AttendanceRecords");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers");
        }
    }
}
