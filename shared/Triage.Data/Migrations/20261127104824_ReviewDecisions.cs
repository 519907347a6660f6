using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FlaggedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewClaimedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewClaimedUntil",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Cases flagged before this migration waited since their last change, which was the flagging.
            migrationBuilder.Sql("UPDATE Cases SET FlaggedAt = UpdatedAt WHERE Status = 'FlaggedForReview'");

            migrationBuilder.CreateTable(
                name: "CaseResults",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SuggestedDiagnosis = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CancerProbability = table.Column<double>(type: "REAL", nullable: false),
                    EscalationReasons = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StudentModel = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StudentProbabilities = table.Column<string>(type: "TEXT", nullable: false),
                    TeacherModel = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TeacherProbabilities = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseResults", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseResults_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabelledCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Features = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LabelledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LabelledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ObservationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelledCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabelledCases_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LabelledCases_Images_ImageId",
                        column: x => x.ImageId,
                        principalTable: "Images",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabelledCases_CaseId",
                table: "LabelledCases",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabelledCases_ImageId",
                table: "LabelledCases",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_LabelledCases_LabelledAt",
                table: "LabelledCases",
                column: "LabelledAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseResults");

            migrationBuilder.DropTable(
                name: "LabelledCases");

            migrationBuilder.DropColumn(
                name: "FlaggedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewClaimedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewClaimedUntil",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Cases");
        }
    }
}
