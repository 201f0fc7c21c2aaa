using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TalentHub.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// Issue 12 (imp9a): drops <c>IX_People_Name</c>. No query reads it: every name order is by the pinyin collation,
    /// which an index in the database's default collation cannot serve, and a name fragment is found through
    /// <c>PersonNameGrams</c>; it only cost every insert of a person one more B-tree entry.
    /// </summary>
    public partial class Imp9 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.DropIndex(name: "IX_People_Name", table: "People");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.CreateIndex(name: "IX_People_Name", table: "People", column: "Name");
    }
}
