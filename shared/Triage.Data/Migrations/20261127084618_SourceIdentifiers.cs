using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourceIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceIdentifiers",
                columns: table => new
                {
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceIdentifiers", x => new { x.ResourceType, x.System, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceIdentifiers_ResourceType_ResourceId",
                table: "ResourceIdentifiers",
                columns: new[] { "ResourceType", "ResourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceIdentifiers");
        }
    }
}
