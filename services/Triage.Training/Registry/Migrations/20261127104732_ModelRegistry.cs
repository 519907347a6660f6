using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Training.Registry.Migrations
{
    /// <inheritdoc />
    public partial class ModelRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AliasMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Alias = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MovedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    MovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AliasMoves", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CorpusHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CorpusCasesPath = table.Column<string>(type: "TEXT", nullable: true),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ArtefactPath = table.Column<string>(type: "TEXT", nullable: false),
                    ArtefactSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentTeacherId = table.Column<int>(type: "INTEGER", nullable: true),
                    TrainingRunId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelVersions_ModelVersions_ParentTeacherId",
                        column: x => x.ParentTeacherId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RetrainTeacher = table.Column<bool>(type: "INTEGER", nullable: false),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CorpusHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CorpusCaseCount = table.Column<int>(type: "INTEGER", nullable: true),
                    FailedStep = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", nullable: true),
                    StepsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModelAliases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ModelVersionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelAliases", x => x.Name);
                    table.ForeignKey(
                        name: "FK_ModelAliases_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelAliases_ModelVersionId",
                table: "ModelAliases",
                column: "ModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_ParentTeacherId",
                table: "ModelVersions",
                column: "ParentTeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_Version",
                table: "ModelVersions",
                column: "Version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AliasMoves");

            migrationBuilder.DropTable(
                name: "ModelAliases");

            migrationBuilder.DropTable(
                name: "TrainingRuns");

            migrationBuilder.DropTable(
                name: "ModelVersions");
        }
    }
}
