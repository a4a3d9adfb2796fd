using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Discussions;
using Plenum.Privacy;

namespace Plenum.Fund;

/// <summary>Receipts on ledger entries: checked like discussion files (kind, size, content), always stored encrypted.</summary>
public sealed class FundReceipts(PlenumDb db, AttachmentIntake intake, AttachmentOptions limits, FieldEncryption encryption, TimeProvider clock)
{
    public const int MaxPerEntry = 10;

    public string LimitsInWords => $"One file at a time, at most {FileSizes.Describe(limits.MaxFileBytes)}: {AttachmentTypes.AllowedInWords}.";

    public async Task<FundReceipt> AttachAsync(FundEntry entry, Guid uploaderId, IFormFile? upload, CancellationToken cancellationToken = default)
    {
        if (upload is null || upload.Length == 0 && upload.FileName.Length == 0) throw new FundRuleException("Choose the receipt's file.");
        if (entry.Kind is FundEntryKind.Reversal or FundEntryKind.PledgeWithdrawn) throw new FundRuleException("Receipts go on contributions, pledges and payments.");
        if (await db.FundReceipts.CountAsync(r => r.EntryId == entry.Id, cancellationToken) >= MaxPerEntry)
            throw new FundRuleException($"An entry carries at most {MaxPerEntry} receipts.");
        var read = await intake.ReadAsync([upload], cancellationToken);
        if (!read.Accepted) throw new FundRuleException(string.Join(" ", read.Problems));
        var file = read.Files.Single();
        var receipt = new FundReceipt
        {
            Id = Guid.NewGuid(), EntryId = entry.Id, FileName = file.FileName, ContentType = file.ContentType, Size = file.Content.Length,
            Content = encryption.Encrypt(file.Content), UploadedAt = clock.GetUtcNow(), UploadedById = uploaderId,
        };
        db.FundReceipts.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
        return receipt;
    }

    public byte[] Open(FundReceipt receipt) => encryption.Decrypt(receipt.Content);

    /// <summary>An anonymous payment's receipt may name who was paid, so only those who may see recipients open it.</summary>
    public static bool MayOpen(FundEntry entry, FundAccess access) => !entry.AnonymousRecipient || access.MaySeeRecipients;
}
