using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseAttention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AttentionHeight",
                table: "CaseResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AttentionValues",
                table: "CaseResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AttentionWidth",
                table: "CaseResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttentionHeight",
                table: "CaseResults");

            migrationBuilder.DropColumn(
                name: "AttentionValues",
                table: "CaseResults");

            migrationBuilder.DropColumn(
                name: "AttentionWidth",
                table: "CaseResults");
        }
    }
}
