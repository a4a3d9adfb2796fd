using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plenum.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AidAreas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicIntake = table.Column<bool>(type: "INTEGER", nullable: false),
                    VouchesToVet = table.Column<int>(type: "INTEGER", nullable: false),
                    PurgeAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    StaleAfterDays = table.Column<int>(type: "INTEGER", nullable: false)
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
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    How = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Party = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnonymousRecipient = table.Column<bool>(type: "INTEGER", nullable: false),
                    PledgeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversesId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Intake = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", nullable: true),
                    Contact = table.Column<string>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: true),
                    ContactHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FollowHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Target = table.Column<int>(type: "INTEGER", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RepeatOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferredToGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StillNeededAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PurgeDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PurgedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExpectedBy = table.Column<long>(type: "INTEGER", nullable: false),
                    Share = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromRequester = table.Column<bool>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
