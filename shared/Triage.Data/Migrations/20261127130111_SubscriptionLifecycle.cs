using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Triage.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EndsAt",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HandshakeAttempts",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "HandshakeDueAt",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HeartbeatSeconds",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastHandshakeError",
                table: "Subscriptions",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextHeartbeatAt",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "HandshakeAttempts",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "HandshakeDueAt",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "HeartbeatSeconds",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "LastHandshakeError",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "NextHeartbeatAt",
                table: "Subscriptions");
        }
    }
}
