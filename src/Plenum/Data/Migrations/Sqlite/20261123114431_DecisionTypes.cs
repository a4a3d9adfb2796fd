using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountJson",
                table: "Decisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxChoices",
                table: "Decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "Decisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Seats",
                table: "Decisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Decisions",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CountJson",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "MaxChoices",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Options",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Seats",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Decisions");
        }
    }
}
