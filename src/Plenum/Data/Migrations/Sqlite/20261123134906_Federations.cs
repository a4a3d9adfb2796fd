using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Federations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Delegations_Groups_MemberGroupId",
                        column: x => x.MemberGroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FederationDecisionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FederationActions",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationDecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReplacementUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MandatePosition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationActions", x => x.DecisionId);
                });

            migrationBuilder.CreateTable(
                name: "FederationApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FederationApplications_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationDecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<string>(type: "TEXT", nullable: true),
                    Limits = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdoptedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mandates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Endorsement",
                columns: table => new
                {
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Endorsement", x => new { x.EscalationId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_Endorsement_Escalations_EscalationId",
                        column: x => x.EscalationId,
                        principalTable: "Escalations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_FederationId_Until",
                table: "Delegations",
                columns: new[] { "FederationId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_MemberGroupId",
                table: "Delegations",
                column: "MemberGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_UserId_Until",
                table: "Delegations",
                columns: new[] { "UserId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_FederationId",
                table: "Escalations",
                column: "FederationId");

            migrationBuilder.CreateIndex(
                name: "IX_FederationActions_FederationDecisionId_Purpose",
                table: "FederationActions",
                columns: new[] { "FederationDecisionId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_FederationApplications_FederationId_GroupId",
                table: "FederationApplications",
                columns: new[] { "FederationId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FederationApplications_GroupId",
                table: "FederationApplications",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Mandates_FederationDecisionId_MemberGroupId",
                table: "Mandates",
                columns: new[] { "FederationDecisionId", "MemberGroupId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "Endorsement");

            migrationBuilder.DropTable(
                name: "FederationActions");

            migrationBuilder.DropTable(
                name: "FederationApplications");

            migrationBuilder.DropTable(
                name: "Mandates");

            migrationBuilder.DropTable(
                name: "Escalations");
        }
    }
}
