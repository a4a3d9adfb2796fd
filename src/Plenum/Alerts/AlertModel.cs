using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Groups;

namespace Plenum.Alerts;

/// <summary>The rapid response tables. Encrypted fields carry no length in the database; their limits are checked on the plain text by <see cref="ReportDraft"/> and the forms.</summary>
public static class AlertModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AlertNetwork>(network =>
        {
            network.HasKey(n => n.GroupId);
            network.HasOne<Group>().WithOne().HasForeignKey<AlertNetwork>(n => n.GroupId).OnDelete(DeleteBehavior.Cascade);
            network.Property(n => n.Skills).HasMaxLength(1000);
        });
        b.Entity<AlertZone>(zone =>
        {
            zone.HasOne<Group>().WithMany().HasForeignKey(z => z.GroupId).OnDelete(DeleteBehavior.Cascade);
            zone.HasIndex(z => new { z.GroupId, z.Name }).IsUnique();
            zone.Property(z => z.Name).HasMaxLength(60);
        });
        b.Entity<Responder>(responder =>
        {
            responder.HasKey(r => new { r.GroupId, r.UserId });
            responder.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
            responder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            responder.HasIndex(r => r.UserId);
            responder.Property(r => r.Duties).HasConversion<int>().Metadata.SetMaxLength(null);
            responder.Property(r => r.Skills).HasMaxLength(1000);
            responder.Property(r => r.Channels).HasMaxLength(100);
        });
        b.Entity<Shift>(shift =>
        {
            shift.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
            shift.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            shift.HasOne<AlertZone>().WithMany().HasForeignKey(s => s.ZoneId).OnDelete(DeleteBehavior.Cascade);
            // Who is on call in a zone now.
            shift.HasIndex(s => new { s.GroupId, s.ZoneId, s.EndsAt });
            shift.HasIndex(s => new { s.UserId, s.EndsAt });
            shift.Property(s => s.Role).HasMaxLength(60);
        });
        b.Entity<Incident>(incident =>
        {
            incident.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Cascade);
            incident.HasOne<AlertZone>().WithMany().HasForeignKey(i => i.ZoneId).OnDelete(DeleteBehavior.Restrict);
            incident.HasIndex(i => new { i.GroupId, i.Mode, i.State, i.CreatedAt });
            incident.HasIndex(i => new { i.State, i.ClosedAt });
            incident.Property(i => i.RollCall).HasMaxLength(1000);
        });
        b.Entity<Report>(report =>
        {
            report.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            report.HasOne<User>().WithMany().HasForeignKey(r => r.TakenById).OnDelete(DeleteBehavior.SetNull);
            report.HasIndex(r => r.IncidentId);
            report.HasIndex(r => r.FollowHash).IsUnique();
            report.HasIndex(r => r.ContactPurgeAt);
            report.Property(r => r.FollowHash).HasMaxLength(64);
        });
        b.Entity<ReportPhoto>(photo =>
        {
            photo.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
            photo.HasIndex(p => p.IncidentId);
        });
        b.Entity<Verification>(verification =>
        {
            verification.HasKey(v => new { v.IncidentId, v.UserId });
            verification.HasOne<Incident>().WithMany().HasForeignKey(v => v.IncidentId).OnDelete(DeleteBehavior.Cascade);
            verification.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AlertMessage>(message =>
        {
            message.HasOne<Incident>().WithMany().HasForeignKey(m => m.IncidentId).OnDelete(DeleteBehavior.Cascade);
            message.HasOne<User>().WithMany().HasForeignKey(m => m.SentById).OnDelete(DeleteBehavior.SetNull);
            // Two dispatchers sending at once cannot both take the same number.
            message.HasIndex(m => new { m.IncidentId, m.Sequence }).IsUnique();
        });
        b.Entity<AlertRecipient>(recipient =>
        {
            recipient.HasKey(r => new { r.IncidentId, r.UserId });
            recipient.HasOne<Incident>().WithMany().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
            recipient.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            recipient.HasIndex(r => new { r.UserId, r.IncidentId });
            recipient.HasIndex(r => r.CheckInDueAt);
        });
        b.Entity<AlertDelivery>(delivery =>
        {
            delivery.HasKey(d => new { d.MessageId, d.UserId });
            delivery.HasOne<AlertMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
            delivery.HasIndex(d => new { d.State, d.FallbackAt });
            delivery.HasIndex(d => new { d.IncidentId, d.UserId });
        });
    }
}
