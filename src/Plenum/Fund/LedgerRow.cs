namespace Plenum.Fund;

/// <summary>
/// One ledger line as everybody is shown it, in the page, the API and the CSV alike, so an anonymous
/// recipient can leak from none of them: this row never carries one.
/// </summary>
public sealed record LedgerRow(Guid Id, int Number, DateOnly Date, FundEntryKind Kind, string KindName, long In, long Out, long Pledged,
    string Counterparty, string? Category, Guid? DecisionId, string? Note, string? Status, string RecordedBy, DateTimeOffset RecordedAt,
    bool AnonymousRecipient)
{
    public const string AnonymousRecipientText = "anonymous recipient";

    /// <summary>Rows in ledger order. Names: pseudonyms of the members involved, used only when <paramref name="showNames"/>.</summary>
    public static IReadOnlyList<LedgerRow> From(LedgerState state, IReadOnlyDictionary<Guid, string> names, bool showNames)
    {
        string Name(Guid? id) => !showNames ? "a member" : id is { } known && names.TryGetValue(known, out var name) ? name : "a former member";
        var byId = state.Entries.ToDictionary(e => e.Id);
        return [.. state.Entries.Select(e =>
        {
            var original = e.ReversesId is { } r ? byId[r] : null;
            var pledge = e.PledgeId is { } p ? byId[p] : null;
            var source = original ?? pledge ?? e;
            var counterparty = source.Kind == FundEntryKind.Disbursement
                ? source.AnonymousRecipient ? AnonymousRecipientText : source.Party ?? ""
                : source.Source switch
                {
                    FundSource.Member => Name(source.MemberId),
                    FundSource.Outside => source.Party ?? "",
                    _ => "anonymous",
                };
            var (incoming, outgoing) = e.Kind switch
            {
                FundEntryKind.Contribution => (e.Amount, 0L),
                FundEntryKind.Disbursement => (0L, e.Amount),
                FundEntryKind.Reversal when original!.Kind == FundEntryKind.Disbursement => (e.Amount, 0L),
                FundEntryKind.Reversal => (0L, e.Amount),
                _ => (0L, 0L),
            };
            var status = e.Kind switch
            {
                FundEntryKind.Pledge => state.PledgeStatus(e),
                FundEntryKind.PledgeWithdrawn => $"withdraws pledge #{pledge!.Number}",
                FundEntryKind.Reversal => $"reverses #{original!.Number}",
                FundEntryKind.Contribution when pledge is not null => $"fulfils pledge #{pledge.Number}",
                _ => null,
            };
            if (!state.Counts(e)) status = $"reversed by #{state.Entries.First(x => x.ReversesId == e.Id).Number}" + (status is null ? "" : "; " + status);
            return new LedgerRow(e.Id, e.Number, e.Date, e.Kind, NameOf(e.Kind), incoming, outgoing, e.Kind == FundEntryKind.Pledge ? e.Amount : 0,
                counterparty, e.Category ?? original?.Category, e.DecisionId, e.Note, status, e.RecordedById is { } by ? Name(by) : "a former member", e.RecordedAt,
                source.AnonymousRecipient);
        })];
    }

    public static string NameOf(FundEntryKind kind) => kind switch
    {
        FundEntryKind.Contribution => "contribution",
        FundEntryKind.Pledge => "pledge",
        FundEntryKind.PledgeWithdrawn => "pledge withdrawn",
        FundEntryKind.Disbursement => "payment",
        _ => "reversal",
    };
}
