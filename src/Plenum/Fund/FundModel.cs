using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Decisions;
using Plenum.Groups;

namespace Plenum.Fund;

/// <summary>The common fund's tables. Free text is encrypted (see the entities), so its limits are checked on the plain text by <see cref="FundLedger"/>.</summary>
public static class FundModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FundAccount>(account =>
        {
            account.HasKey(a => a.GroupId);
            account.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
            account.Property(a => a.Currency).HasMaxLength(3);
        });
        builder.Entity<FundEntry>(entry =>
        {
            entry.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
            // Two entries written at once get the same next number: one of them fails instead of both passing the balance check.
            entry.HasIndex(e => new { e.GroupId, e.Number }).IsUnique();
            entry.HasOne<User>().WithMany().HasForeignKey(e => e.RecordedById).OnDelete(DeleteBehavior.SetNull);
            entry.HasOne<User>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.SetNull);
            entry.HasOne<Decision>().WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
            // An entry is reversed at most once.
            entry.HasIndex(e => e.ReversesId).IsUnique();
            entry.HasIndex(e => e.PledgeId);
            entry.HasIndex(e => e.DecisionId);
        });
        builder.Entity<AnonymousRecipient>(recipient =>
        {
            recipient.HasKey(r => r.EntryId);
            recipient.HasOne<FundEntry>().WithOne().HasForeignKey<AnonymousRecipient>(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<FundReceipt>(receipt =>
        {
            receipt.HasOne<FundEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
            receipt.HasOne<User>().WithMany().HasForeignKey(r => r.UploadedById).OnDelete(DeleteBehavior.SetNull);
            receipt.Property(r => r.ContentType).HasMaxLength(100);
        });
        builder.Entity<SpendingProposal>(proposal =>
        {
            proposal.HasKey(p => p.DecisionId);
            proposal.HasOne<Decision>().WithOne().HasForeignKey<SpendingProposal>(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
            proposal.HasIndex(p => p.GroupId);
            proposal.Property(p => p.Currency).HasMaxLength(3);
        });
    }
}
