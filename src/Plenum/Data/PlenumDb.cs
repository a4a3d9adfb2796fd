using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plenum.Accounts;
using Plenum.Assemblies;
using Plenum.Decisions;
using Plenum.Events;
using Plenum.Federations;
using Plenum.Discussions;
using Plenum.Groups;
using Plenum.Notifications;
using Plenum.Notifications.Push;
using Plenum.Privacy;
using Plenum.Roles;

namespace Plenum.Data;

/// <summary>
/// The one database context. Features add their entities here and configure them in
/// <see cref="OnModelCreating"/>; provider subclasses only carry their own migrations.
/// </summary>
public abstract class PlenumDb(DbContextOptions options, FieldEncryption encryption)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options)
{
    internal FieldEncryption Encryption => encryption;

    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<Vouch> Vouches => Set<Vouch>();
    public DbSet<GroupLogEntry> GroupLog => Set<GroupLogEntry>();
    public DbSet<Rulebook> Rulebooks => Set<Rulebook>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<OpenVote> OpenVotes => Set<OpenVote>();
    public DbSet<VoterRollEntry> VoterRoll => Set<VoterRollEntry>();
    public DbSet<SecretBallot> SecretBallots => Set<SecretBallot>();
    public DbSet<ProxyVote> ProxyVotes => Set<ProxyVote>();
    public DbSet<FederationApplication> FederationApplications => Set<FederationApplication>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Mandate> Mandates => Set<Mandate>();
    public DbSet<FederationAction> FederationActions => Set<FederationAction>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<RotatingRole> RotatingRoles => Set<RotatingRole>();
    public DbSet<RoleTerm> RoleTerms => Set<RoleTerm>();
    public DbSet<Draw> Draws => Set<Draw>();
    public DbSet<DrawVolunteer> DrawVolunteers => Set<DrawVolunteer>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<SpeakerSlot> SpeakerSlots => Set<SpeakerSlot>();
    public DbSet<HandSignal> HandSignals => Set<HandSignal>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<Discussion> Discussions => Set<Discussion>();
    public DbSet<DiscussionReply> DiscussionReplies => Set<DiscussionReply>();
    public DbSet<DiscussionRevision> DiscussionRevisions => Set<DiscussionRevision>();
    public DbSet<ReplyRevision> ReplyRevisions => Set<ReplyRevision>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<DiscussionAttachment> DiscussionAttachments => Set<DiscussionAttachment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<PushSubscription> PushSubscriptions => Set<PushSubscription>();
    public DbSet<GroupEvent> GroupEvents => Set<GroupEvent>();
    public DbSet<Rsvp> Rsvps => Set<Rsvp>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<Fund.FundAccount> FundAccounts => Set<Fund.FundAccount>();
    public DbSet<Fund.FundEntry> FundEntries => Set<Fund.FundEntry>();
    public DbSet<Fund.AnonymousRecipient> AnonymousRecipients => Set<Fund.AnonymousRecipient>();
    public DbSet<Fund.FundReceipt> FundReceipts => Set<Fund.FundReceipt>();
    public DbSet<Fund.SpendingProposal> SpendingProposals => Set<Fund.SpendingProposal>();
    public DbSet<Aid.AidRequest> AidRequests => Set<Aid.AidRequest>();
    public DbSet<Aid.AidClaim> AidClaims => Set<Aid.AidClaim>();
    public DbSet<Aid.AidMessage> AidMessages => Set<Aid.AidMessage>();
    public DbSet<Aid.AidCategory> AidCategories => Set<Aid.AidCategory>();
    public DbSet<Aid.AidArea> AidAreas => Set<Aid.AidArea>();
    public DbSet<Aid.AidSettings> AidSettings => Set<Aid.AidSettings>();
    public DbSet<Aid.AidOffer> AidOffers => Set<Aid.AidOffer>();
    public DbSet<Aid.AidVetting> AidVettings => Set<Aid.AidVetting>();
    public DbSet<Aid.AidBlock> AidBlocks => Set<Aid.AidBlock>();
    public DbSet<Aid.AidReport> AidReports => Set<Aid.AidReport>();
    public DbSet<Alerts.AlertNetwork> AlertNetworks => Set<Alerts.AlertNetwork>();
    public DbSet<Alerts.AlertZone> AlertZones => Set<Alerts.AlertZone>();
    public DbSet<Alerts.Responder> Responders => Set<Alerts.Responder>();
    public DbSet<Alerts.Shift> Shifts => Set<Alerts.Shift>();
    public DbSet<Alerts.Incident> Incidents => Set<Alerts.Incident>();
    public DbSet<Alerts.Report> Reports => Set<Alerts.Report>();
    public DbSet<Alerts.ReportPhoto> ReportPhotos => Set<Alerts.ReportPhoto>();
    public DbSet<Alerts.Verification> Verifications => Set<Alerts.Verification>();
    public DbSet<Alerts.AlertMessage> AlertMessages => Set<Alerts.AlertMessage>();
    public DbSet<Alerts.AlertRecipient> AlertRecipients => Set<Alerts.AlertRecipient>();
    public DbSet<Alerts.AlertDelivery> AlertDeliveries => Set<Alerts.AlertDelivery>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var encrypted = new ValueConverter<string?, string?>(v => encryption.Encrypt(v!), v => encryption.Decrypt(v!));
        // One-way: the normalized e-mail is only ever compared, never read back, so a keyed hash suffices.
        var hashed = new ValueConverter<string?, string?>(v => encryption.LookupHash(v!), v => v);

        builder.Entity<User>(user =>
        {
            user.Property(u => u.Email).HasConversion(encrypted);
            user.Property(u => u.NormalizedEmail).HasConversion(hashed);
        });
        // Authenticator keys and recovery codes live here.
        builder.Entity<IdentityUserToken<Guid>>().Property(t => t.Value).HasConversion(encrypted);

        builder.Entity<UserSession>().HasIndex(s => s.UserId);
        builder.Entity<AccessToken>(token =>
        {
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.Property(t => t.Name).HasMaxLength(100);
        });

        builder.Entity<Group>(group =>
        {
            group.HasIndex(g => g.Slug).IsUnique();
            group.Property(g => g.Name).HasMaxLength(120);
            group.Property(g => g.Slug).HasMaxLength(80);
            group.Property(g => g.Description).HasMaxLength(4000);
            group.HasOne(g => g.Parent).WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Membership>(membership =>
        {
            membership.HasOne(m => m.Group).WithMany(g => g.Memberships).HasForeignKey(m => m.GroupId);
            membership.HasOne(m => m.MemberGroup).WithMany().HasForeignKey(m => m.MemberGroupId).OnDelete(DeleteBehavior.Restrict);
            membership.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
            membership.HasIndex(m => new { m.GroupId, m.MemberGroupId }).IsUnique();
            membership.HasIndex(m => m.UserId);
            membership.ToTable(t => t.HasCheckConstraint("CK_Membership_OneMember",
                "(\"UserId\" IS NULL) <> (\"MemberGroupId\" IS NULL)"));
        });
        builder.Entity<Invitation>().HasIndex(i => i.SecretHash).IsUnique();
        builder.Entity<JoinRequest>().HasIndex(r => new { r.GroupId, r.Status });
        builder.Entity<Vouch>().HasIndex(v => new { v.JoinRequestId, v.VoucherId }).IsUnique();
        builder.Entity<GroupLogEntry>().HasIndex(e => new { e.GroupId, e.At });
        ConfigureDiscussions(builder);
        ConfigureDecisions(builder);
        ConfigureNotifications(builder);
        ConfigureFederations(builder);
        ConfigureRoles(builder);
        ConfigureAssemblies(builder);
        ConfigureEvents(builder);
        Fund.FundModel.Configure(builder);
        Aid.AidModel.Configure(builder);
        Alerts.AlertModel.Configure(builder);
        EncryptPropertiesMarkedSensitive(builder, encrypted);
    }

    static void ConfigureDecisions(ModelBuilder builder)
    {
        builder.Entity<Rulebook>(rulebook =>
        {
            rulebook.HasIndex(r => new { r.GroupId, r.Version }).IsUnique();
            rulebook.Ignore(r => r.Classes);
        });
        builder.Entity<Decision>(decision =>
        {
            decision.HasIndex(d => new { d.GroupId, d.Status, d.ClosesAt });
            decision.HasIndex(d => new { d.Status, d.ClosesAt });
            decision.HasOne(d => d.Author).WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.SetNull);
            decision.Property(d => d.ClassKey).HasMaxLength(40);
            // A failed round is followed by at most one next round, so two members cannot both start it.
            decision.HasIndex(d => d.PreviousRoundId).IsUnique();
        });
        builder.Entity<OpenVote>(vote =>
        {
            vote.HasIndex(v => new { v.DecisionId, v.UserId }).IsUnique();
            vote.HasOne(v => v.User).WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
            vote.Property(v => v.Position).HasMaxLength(1000);  // a ranking, scores or time answers over up to 100 options
            vote.HasOne(v => v.CastBy).WithMany().HasForeignKey(v => v.CastByUserId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ProxyVote>(proxy =>
        {
            proxy.HasIndex(p => new { p.DecisionId, p.GrantorUserId }).IsUnique();
            proxy.HasIndex(p => new { p.DecisionId, p.HolderUserId });
            proxy.HasOne(p => p.Grantor).WithMany().HasForeignKey(p => p.GrantorUserId).OnDelete(DeleteBehavior.Cascade);
            proxy.HasOne(p => p.Holder).WithMany().HasForeignKey(p => p.HolderUserId).OnDelete(DeleteBehavior.Cascade);
        });
        // The roll and the ballots share only the decision: no key, time or order links a voter to a ballot.
        builder.Entity<VoterRollEntry>().HasKey(v => new { v.DecisionId, v.UserId });
        builder.Entity<SecretBallot>(ballot =>
        {
            ballot.HasIndex(b => new { b.DecisionId, b.ReceiptHash }).IsUnique();
            ballot.Property(b => b.Position).HasMaxLength(1000);
        });
        builder.Entity<Agreement>(agreement =>
        {
            agreement.HasIndex(a => a.DecisionId).IsUnique();
            agreement.HasIndex(a => new { a.GroupId, a.Status });
        });
    }

    static void ConfigureFederations(ModelBuilder builder)
    {
        builder.Entity<FederationApplication>(application =>
        {
            application.HasIndex(a => new { a.FederationId, a.GroupId }).IsUnique();
            application.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Delegation>(delegation =>
        {
            delegation.HasIndex(d => new { d.FederationId, d.Until });
            delegation.HasIndex(d => new { d.UserId, d.Until });
            delegation.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
            delegation.HasOne(d => d.MemberGroup).WithMany().HasForeignKey(d => d.MemberGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Mandate>().HasIndex(m => new { m.FederationDecisionId, m.MemberGroupId });
        builder.Entity<FederationAction>(action =>
        {
            action.HasKey(a => a.DecisionId);
            action.HasIndex(a => new { a.FederationDecisionId, a.Purpose });
            action.Property(a => a.MandatePosition).HasMaxLength(40);
        });
        builder.Entity<Escalation>(escalation =>
        {
            escalation.HasIndex(e => e.FederationId);
            escalation.HasMany(e => e.Endorsements).WithOne().HasForeignKey(e => e.EscalationId);
        });
        builder.Entity<Endorsement>().HasKey(e => new { e.EscalationId, e.GroupId });
    }

    static void ConfigureRoles(ModelBuilder builder)
    {
        builder.Entity<RotatingRole>(role =>
        {
            role.HasIndex(r => r.GroupId);
            role.Property(r => r.Name).HasMaxLength(60);
            role.HasMany(r => r.Terms).WithOne().HasForeignKey(t => t.RoleId);
        });
        builder.Entity<RoleTerm>(term =>
        {
            term.HasIndex(t => new { t.RoleId, t.StartsAt });
            term.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<Draw>(draw =>
        {
            draw.HasIndex(d => d.GroupId);
            draw.HasMany(d => d.Signups).WithOne().HasForeignKey(v => v.DrawId);
        });
        builder.Entity<DrawVolunteer>(volunteer =>
        {
            volunteer.HasKey(v => new { v.DrawId, v.UserId });
            volunteer.HasOne(v => v.User).WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    static void ConfigureAssemblies(ModelBuilder builder)
    {
        builder.Entity<Meeting>(meeting =>
        {
            meeting.HasIndex(m => new { m.GroupId, m.StartsAt });
            meeting.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId);
        });
        builder.Entity<AgendaItem>().HasIndex(i => new { i.MeetingId, i.Position });
        builder.Entity<Attendance>(attendance =>
        {
            attendance.HasKey(a => new { a.MeetingId, a.UserId });
            attendance.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SpeakerSlot>(slot =>
        {
            slot.HasIndex(s => new { s.ItemId, s.SpokeAt });
            slot.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HandSignal>().HasKey(h => new { h.ItemId, h.UserId });
    }

    static void ConfigureNotifications(ModelBuilder builder)
    {
        builder.Entity<Notification>(notification =>
        {
            // Serves both the unread badge (UserId, ReadAt IS NULL) and the newest-first list.
            notification.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
            notification.HasIndex(n => new { n.DecisionId, n.UserId, n.Kind });
            notification.HasIndex(n => n.ReadAt);
            notification.Property(n => n.Path).HasMaxLength(400);
            notification.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            notification.HasOne<Group>().WithMany().HasForeignKey(n => n.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<NotificationSetting>(setting =>
        {
            setting.HasKey(s => new { s.UserId, s.GroupId });
            setting.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            setting.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PushSubscription>(subscription =>
        {
            subscription.HasIndex(s => s.EndpointHash).IsUnique();
            subscription.HasIndex(s => s.UserId);
            subscription.HasIndex(s => s.LastSuccessAt);
            subscription.Property(s => s.EndpointHash).HasMaxLength(64);
            subscription.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    // Title, description, place and link are encrypted (see GroupEvent), so their limits are checked on the plain text by EventDrafts.
    static void ConfigureEvents(ModelBuilder builder)
    {
        builder.Entity<GroupEvent>(groupEvent =>
        {
            groupEvent.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
            groupEvent.HasOne<User>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
            groupEvent.HasIndex(e => new { e.GroupId, e.StartsAt });
            // Finding what is over, for retention and the past list.
            groupEvent.HasIndex(e => e.LastEndsAt);
            groupEvent.Property(e => e.TimeZone).HasMaxLength(64);
            groupEvent.Property(e => e.Recurrence).HasMaxLength(200);
        });
        builder.Entity<Rsvp>(rsvp =>
        {
            rsvp.HasOne<GroupEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
            rsvp.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            // One answer per person and date, also when two windows answer at once.
            rsvp.HasIndex(r => new { r.EventId, r.OccurrenceDate, r.UserId }).IsUnique();
            rsvp.HasIndex(r => new { r.EventId, r.OccurrenceDate, r.Answer, r.WaitingNumber });
            rsvp.HasIndex(r => r.UserId);
            rsvp.HasIndex(r => r.OccurrenceDate);
        });
        builder.Entity<CalendarFeedToken>(token =>
        {
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasIndex(t => new { t.UserId, t.GroupId });
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
            token.Property(t => t.Hint).HasMaxLength(20);
        });
    }

    // Bodies and titles carry no max length in the database: they are stored encrypted (base64, longer
    // than the text), and the 200/20000-character limits are checked on the plain text by the forms.
    static void ConfigureDiscussions(ModelBuilder builder)
    {
        builder.Entity<Discussion>(discussion =>
        {
            discussion.HasOne(d => d.Group).WithMany().HasForeignKey(d => d.GroupId);
            // Accounts are never deleted, only pseudonymised, so posts keep their author row.
            discussion.HasOne(d => d.Author).WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Restrict);
            discussion.HasIndex(d => new { d.GroupId, d.LastActivityAt });
            discussion.HasIndex(d => d.AuthorId);
        });
        builder.Entity<DiscussionReply>(reply =>
        {
            reply.HasOne(r => r.Discussion).WithMany(d => d.Replies).HasForeignKey(r => r.DiscussionId);
            reply.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
            reply.HasIndex(r => new { r.DiscussionId, r.CreatedAt });
            reply.HasIndex(r => r.AuthorId);
        });
        builder.Entity<DiscussionRevision>(revision =>
        {
            revision.HasOne(r => r.Discussion).WithMany().HasForeignKey(r => r.DiscussionId);
            revision.HasIndex(r => new { r.DiscussionId, r.ReplacedAt });
            revision.HasIndex(r => r.ReplacedAt);
        });
        builder.Entity<ReplyRevision>(revision =>
        {
            revision.HasOne(r => r.Reply).WithMany().HasForeignKey(r => r.ReplyId);
            revision.HasIndex(r => new { r.ReplyId, r.ReplacedAt });
            revision.HasIndex(r => r.ReplacedAt);
        });
        builder.Entity<Mention>(mention =>
        {
            mention.HasOne<Discussion>().WithMany().HasForeignKey(m => m.DiscussionId);
            mention.HasOne<DiscussionReply>().WithMany().HasForeignKey(m => m.ReplyId).OnDelete(DeleteBehavior.Cascade);
            mention.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
            mention.HasIndex(m => new { m.DiscussionId, m.ReplyId });
            mention.HasIndex(m => new { m.UserId, m.CreatedAt });
        });
        builder.Entity<DiscussionAttachment>(attachment =>
        {
            // Files go with their post, whether the post or the whole discussion is deleted.
            attachment.HasOne(a => a.Discussion).WithMany().HasForeignKey(a => a.DiscussionId).OnDelete(DeleteBehavior.Cascade);
            attachment.HasOne<DiscussionReply>().WithMany().HasForeignKey(a => a.ReplyId).OnDelete(DeleteBehavior.Cascade);
            // A thread page lists the files of its opening post and of one page of replies.
            attachment.HasIndex(a => new { a.DiscussionId, a.ReplyId });
            attachment.Property(a => a.ContentType).HasMaxLength(100);
        });
    }

    static void EncryptPropertiesMarkedSensitive(ModelBuilder builder, ValueConverter encrypted)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                if (property.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null)
                    property.SetValueConverter(encrypted);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Store enums by name: readable in the database and stable when members are reordered.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
