using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Groups;

namespace Plenum.Aid;

/// <summary>The mutual aid tables. Encrypted fields carry no length in the database; their limits are checked on the plain text by <see cref="AidForms"/>.</summary>
public static class AidModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AidRequest>(request =>
        {
            request.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
            request.HasOne<AidCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<AidArea>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<User>().WithMany().HasForeignKey(r => r.EnteredById).OnDelete(DeleteBehavior.SetNull);
            request.Property(r => r.Urgency).HasConversion<int>().Metadata.SetMaxLength(null);
            // The board: a group's open needs, most urgent then oldest first, a page at a time.
            request.HasIndex(r => new { r.GroupId, r.Status, r.Urgency, r.CreatedAt, r.Id });
            request.HasIndex(r => new { r.GroupId, r.Status, r.CategoryId, r.AreaId });
            request.HasIndex(r => new { r.GroupId, r.ContactHash });
            request.HasIndex(r => r.FollowHash).IsUnique();
            request.HasIndex(r => r.PurgeDueAt);
            request.HasIndex(r => new { r.GroupId, r.CreatedAt });
            request.Property(r => r.ContactHash).HasMaxLength(64);
            request.Property(r => r.FollowHash).HasMaxLength(64);
            request.Property(r => r.Unit).HasMaxLength(20);
        });
        b.Entity<AidClaim>(claim =>
        {
            claim.HasOne<AidRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
            claim.HasOne<User>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            claim.HasIndex(c => new { c.RequestId, c.Status });
            claim.HasIndex(c => new { c.VolunteerId, c.Status });
            claim.HasIndex(c => new { c.Status, c.ExpectedBy });
        });
        b.Entity<AidMessage>(message =>
        {
            message.HasOne<AidClaim>().WithMany().HasForeignKey(m => m.ClaimId).OnDelete(DeleteBehavior.Cascade);
            message.HasIndex(m => new { m.ClaimId, m.CreatedAt });
        });
        b.Entity<AidCategory>(category =>
        {
            category.HasOne<Group>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
            category.HasIndex(c => new { c.GroupId, c.Name }).IsUnique();
            category.Property(c => c.Name).HasMaxLength(40);
        });
        b.Entity<AidArea>(area =>
        {
            area.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
            area.HasIndex(a => new { a.GroupId, a.Name }).IsUnique();
            area.Property(a => a.Name).HasMaxLength(60);
        });
        b.Entity<AidSettings>(settings =>
        {
            settings.HasKey(s => s.GroupId);
            settings.HasOne<Group>().WithOne().HasForeignKey<AidSettings>(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AidOffer>(offer =>
        {
            offer.HasOne<User>().WithMany().HasForeignKey(o => o.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            offer.HasOne<AidCategory>().WithMany().HasForeignKey(o => o.CategoryId).OnDelete(DeleteBehavior.Cascade);
            offer.HasOne<Group>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
            offer.HasIndex(o => new { o.GroupId, o.CategoryId });
            offer.HasIndex(o => o.VolunteerId);
        });
        b.Entity<AidVetting>(vetting =>
        {
            vetting.HasKey(v => new { v.GroupId, v.UserId });
            vetting.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
            vetting.HasOne<Group>().WithMany().HasForeignKey(v => v.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AidBlock>(block =>
        {
            block.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            block.HasOne<User>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            block.HasIndex(x => new { x.GroupId, x.ContactHash, x.VolunteerId }).IsUnique();
            block.Property(x => x.ContactHash).HasMaxLength(64);
        });
        b.Entity<AidReport>(report =>
        {
            report.HasOne<Group>().WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
            report.HasOne<User>().WithMany().HasForeignKey(r => r.VolunteerId).OnDelete(DeleteBehavior.Cascade);
            report.HasIndex(r => new { r.GroupId, r.CreatedAt });
        });
    }
}
