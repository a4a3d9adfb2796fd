using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "Notifications",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Path",
                table: "Notifications");
        }
    }
}
