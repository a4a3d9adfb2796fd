using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MutualAidFundAndRotatingDelegates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DelegatesToFederationId",
                table: "RotatingRoles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AidAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidAreas_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidBlocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidBlocks_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidBlocks_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidCategories_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidReports_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidReports_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidSettings",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicIntake = table.Column<bool>(type: "boolean", nullable: false),
                    VouchesToVet = table.Column<int>(type: "integer", nullable: false),
                    PurgeAfterDays = table.Column<int>(type: "integer", nullable: false),
                    StaleAfterDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidSettings", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_AidSettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidVettings",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    How = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidVettings", x => new { x.GroupId, x.UserId });
                    table.ForeignKey(
                        name: "FK_AidVettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidVettings_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundAccounts",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAccounts", x => x.GroupId);
                    table.ForeignKey(
                        name: "FK_FundAccounts_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Party = table.Column<string>(type: "text", nullable: true),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnonymousRecipient = table.Column<bool>(type: "boolean", nullable: false),
                    PledgeId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReversesId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundEntries_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FundEntries_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FundEntries_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundEntries_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpendingProposals",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingProposals", x => x.DecisionId);
                    table.ForeignKey(
                        name: "FK_SpendingProposals_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: true),
                    Timing = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidOffers_AidCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "AidCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidOffers_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidOffers_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Timing = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Intake = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EnteredById = table.Column<Guid>(type: "uuid", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    ContactName = table.Column<string>(type: "text", nullable: true),
                    Contact = table.Column<string>(type: "text", nullable: true),
                    Address = table.Column<string>(type: "text", nullable: true),
                    ContactHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FollowHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Target = table.Column<int>(type: "integer", nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RepeatOfId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReferredToGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StillNeededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PurgeDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidRequests_AidAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "AidAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AidRequests_AidCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "AidCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AidRequests_AspNetUsers_EnteredById",
                        column: x => x.EnteredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AidRequests_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnonymousRecipients",
                columns: table => new
                {
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousRecipients", x => x.EntryId);
                    table.ForeignKey(
                        name: "FK_AnonymousRecipients_FundEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "FundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundReceipts_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FundReceipts_FundEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "FundEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidClaims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExpectedBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Share = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidClaims_AidRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AidRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AidClaims_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromRequester = table.Column<bool>(type: "boolean", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidMessages_AidClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "AidClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AidAreas_GroupId_Name",
                table: "AidAreas",
                columns: new[] { "GroupId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidBlocks_GroupId_ContactHash_VolunteerId",
                table: "AidBlocks",
                columns: new[] { "GroupId", "ContactHash", "VolunteerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidBlocks_VolunteerId",
                table: "AidBlocks",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_AidCategories_GroupId_Name",
                table: "AidCategories",
                columns: new[] { "GroupId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidClaims_RequestId_Status",
                table: "AidClaims",
                columns: new[] { "RequestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AidClaims_Status_ExpectedBy",
                table: "AidClaims",
                columns: new[] { "Status", "ExpectedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_AidClaims_VolunteerId_Status",
                table: "AidClaims",
                columns: new[] { "VolunteerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AidMessages_ClaimId_CreatedAt",
                table: "AidMessages",
                columns: new[] { "ClaimId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AidOffers_CategoryId",
                table: "AidOffers",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_AidOffers_GroupId_CategoryId",
                table: "AidOffers",
                columns: new[] { "GroupId", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_AidOffers_VolunteerId",
                table: "AidOffers",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_AidReports_GroupId_CreatedAt",
                table: "AidReports",
                columns: new[] { "GroupId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AidReports_VolunteerId",
                table: "AidReports",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_AreaId",
                table: "AidRequests",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_CategoryId",
                table: "AidRequests",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_EnteredById",
                table: "AidRequests",
                column: "EnteredById");

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_FollowHash",
                table: "AidRequests",
                column: "FollowHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_GroupId_ContactHash",
                table: "AidRequests",
                columns: new[] { "GroupId", "ContactHash" });

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_GroupId_CreatedAt",
                table: "AidRequests",
                columns: new[] { "GroupId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_GroupId_Status_CategoryId_AreaId",
                table: "AidRequests",
                columns: new[] { "GroupId", "Status", "CategoryId", "AreaId" });

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_GroupId_Status_Urgency_CreatedAt_Id",
                table: "AidRequests",
                columns: new[] { "GroupId", "Status", "Urgency", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AidRequests_PurgeDueAt",
                table: "AidRequests",
                column: "PurgeDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_AidVettings_UserId",
                table: "AidVettings",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_DecisionId",
                table: "FundEntries",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_GroupId_Number",
                table: "FundEntries",
                columns: new[] { "GroupId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_MemberId",
                table: "FundEntries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_PledgeId",
                table: "FundEntries",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_RecordedById",
                table: "FundEntries",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_ReversesId",
                table: "FundEntries",
                column: "ReversesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundReceipts_EntryId",
                table: "FundReceipts",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_FundReceipts_UploadedById",
                table: "FundReceipts",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_SpendingProposals_GroupId",
                table: "SpendingProposals",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AidBlocks");

            migrationBuilder.DropTable(
                name: "AidMessages");

            migrationBuilder.DropTable(
                name: "AidOffers");

            migrationBuilder.DropTable(
                name: "AidReports");

            migrationBuilder.DropTable(
                name: "AidSettings");

            migrationBuilder.DropTable(
                name: "AidVettings");

            migrationBuilder.DropTable(
                name: "AnonymousRecipients");

            migrationBuilder.DropTable(
                name: "FundAccounts");

            migrationBuilder.DropTable(
                name: "FundReceipts");

            migrationBuilder.DropTable(
                name: "SpendingProposals");

            migrationBuilder.DropTable(
                name: "AidClaims");

            migrationBuilder.DropTable(
                name: "FundEntries");

            migrationBuilder.DropTable(
                name: "AidRequests");

            migrationBuilder.DropTable(
                name: "AidAreas");

            migrationBuilder.DropTable(
                name: "AidCategories");

            migrationBuilder.DropColumn(
                name: "DelegatesToFederationId",
                table: "RotatingRoles");
        }
    }
}
