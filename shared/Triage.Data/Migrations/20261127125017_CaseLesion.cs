using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseLesion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LesionKey",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PatientId_LesionKey",
                table: "Cases",
                columns: new[] { "PatientId", "LesionKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PatientId_LesionKey",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "LesionKey",
                table: "Cases");
        }
    }
}
