using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 8, item 1: places left active on courses cancelled before this release end as CourseCancelled,
            // and the seat counters of those courses are freed. Same SQL on SQLite and PostgreSQL.
            migrationBuilder.Sql("""
                UPDATE "Enrollments" SET "Status" = 'CourseCancelled'
                WHERE "Status" IN ('Confirmed', 'Waitlisted')
                  AND "CourseId" IN (SELECT "Id" FROM "Courses" WHERE "Status" = 'Cancelled');
                """);
            migrationBuilder.Sql("""UPDATE "Courses" SET "ConfirmedCount" = 0 WHERE "Status" = 'Cancelled';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The places stay ended: which were confirmed and which waitlisted is not recorded.
        }
    }
}
