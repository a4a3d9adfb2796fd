using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoundsProxiesWeightsAmendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Defaults edited by hand: existing votes and members count once, existing decisions are first rounds reviewed after a year.
            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "SecretBallots",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "CastByUserId",
                table: "OpenVotes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "OpenVotes",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "VoteWeight",
                table: "Memberships",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "PreviousRoundId",
                table: "Decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedClassesJson",
                table: "Decisions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewAfterMonths",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidUntil",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "Agreements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProxyVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    GrantorUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyVotes_AspNetUsers_GrantorUserId",
                        column: x => x.GrantorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProxyVotes_AspNetUsers_HolderUserId",
                        column: x => x.HolderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenVotes_CastByUserId",
                table: "OpenVotes",
                column: "CastByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_PreviousRoundId",
                table: "Decisions",
                column: "PreviousRoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyVotes_DecisionId_GrantorUserId",
                table: "ProxyVotes",
                columns: new[] { "DecisionId", "GrantorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyVotes_DecisionId_HolderUserId",
                table: "ProxyVotes",
                columns: new[] { "DecisionId", "HolderUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProxyVotes_GrantorUserId",
                table: "ProxyVotes",
                column: "GrantorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProxyVotes_HolderUserId",
                table: "ProxyVotes",
                column: "HolderUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_OpenVotes_AspNetUsers_CastByUserId",
                table: "OpenVotes",
                column: "CastByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OpenVotes_AspNetUsers_CastByUserId",
                table: "OpenVotes");

            migrationBuilder.DropTable(
                name: "ProxyVotes");

            migrationBuilder.DropIndex(
                name: "IX_OpenVotes_CastByUserId",
                table: "OpenVotes");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_PreviousRoundId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "SecretBallots");

            migrationBuilder.DropColumn(
                name: "CastByUserId",
                table: "OpenVotes");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "OpenVotes");

            migrationBuilder.DropColumn(
                name: "VoteWeight",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "PreviousRoundId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ProposedClassesJson",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ReviewAfterMonths",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ValidUntil",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "Agreements");
        }
    }
}
