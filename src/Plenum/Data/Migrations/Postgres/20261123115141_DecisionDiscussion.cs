using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionDiscussion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DiscussionId",
                table: "Decisions",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DiscussionId",
                table: "Decisions");
        }
    }
}
