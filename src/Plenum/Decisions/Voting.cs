using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>
/// Casting and changing votes. Every vote is one transaction guarded by unique keys, so a vote is
/// either stored whole and acknowledged, or refused; never counted twice.
/// </summary>
public sealed class Voting(PlenumDb db, Rulebooks rulebooks, TimeProvider clock, DecisionUpdates updates, Assemblies.MeetingUpdates meetings)
{
    /// <summary>Casts or changes a position on a proposal. For a secret decision, returns the receipt code the voter keeps.</summary>
    public async Task<string?> CastAsync(Decision decision, Membership voter, string position, string? reason, string? receipt = null,
        Membership? proxyFor = null, CancellationToken cancellationToken = default)
    {
        if (!DecisionText.IsByPosition(decision.Type)) throw new DecisionRuleException("This ballot asks for a choice among options, not a position.");
        var rules = await RulesAsync(decision, cancellationToken);
        var chosen = DecisionText.PositionsFor(decision, rules).FirstOrDefault(p => p.Equals(position, StringComparison.OrdinalIgnoreCase))
            ?? throw new DecisionRuleException("Choose one of the positions on the ballot.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > 2000 }) throw new DecisionRuleException("A reason has at most 2,000 characters.");
        if (chosen == Counting.Proposals.ProposalPositions.Block && rules.BlockNeedsReason && reason is null)
            throw new DecisionRuleException("Under the rulebook a block needs a stated reason.");
        if (decision.Type == DecisionType.QuestionRound && reason is null) throw new DecisionRuleException("Write your answer.");
        var objecting = chosen is Counting.Proposals.ProposalPositions.Disagree or Counting.Proposals.ProposalPositions.Block;
        if (reason is null && (rules.Reasons == ReasonRule.Required || (rules.Reasons == ReasonRule.RequiredForDisagreeOrBlock && objecting)))
            throw new DecisionRuleException(rules.Reasons == ReasonRule.Required ? "Under the rulebook every vote gives a reason." : "Under the rulebook an objection gives its reason.");
        if (!DecisionText.TakesReason(decision, rules, chosen)) reason = null;
        return await StoreAsync(decision, voter, proxyFor, chosen, reason, receipt, cancellationToken, rules);
    }

    /// <summary>Casts or changes a choice on a poll (options chosen) or a ranking (options best first).</summary>
    public Task<string?> CastChoiceAsync(Decision decision, Membership voter, IReadOnlyList<int> choice, string? receipt = null,
        Membership? proxyFor = null, CancellationToken cancellationToken = default)
    {
        if (decision.Type is not (DecisionType.Poll or DecisionType.RankedChoice or DecisionType.Condorcet or DecisionType.Election))
            throw new DecisionRuleException("This ballot does not ask for a choice among options.");
        return StoreAsync(decision, voter, proxyFor, ChoiceBallots.Validate(decision, choice), null, receipt, cancellationToken);
    }

    /// <summary>Casts or changes the answers to a meeting-time poll: one per proposed time, in the poll's order.</summary>
    public Task<string?> CastAvailabilityAsync(Decision decision, Membership voter, IReadOnlyList<Counting.TimePoll.Availability> answers,
        string? receipt = null, Membership? proxyFor = null, CancellationToken cancellationToken = default)
    {
        if (decision.Type != DecisionType.TimePoll) throw new DecisionRuleException("This ballot does not ask about times.");
        if (answers.Count != decision.OptionList.Count) throw new DecisionRuleException("Answer yes, if need be or no for every time.");
        return StoreAsync(decision, voter, proxyFor, MeetingTimes.Write(answers), null, receipt, cancellationToken);
    }

    /// <summary>Casts or changes scores (0 to the decision's points each) or dots (adding up to at most its points), one number per option.</summary>
    public Task<string?> CastPointsAsync(Decision decision, Membership voter, IReadOnlyList<int> points, string? receipt = null,
        Membership? proxyFor = null, CancellationToken cancellationToken = default)
    {
        if (decision.Type is not (DecisionType.Score or DecisionType.DotVote)) throw new DecisionRuleException("This ballot does not ask for points.");
        if (points.Count != decision.OptionList.Count) throw new DecisionRuleException("Give a number for every option.");
        if (points.Any(p => p < 0 || p > decision.Points)) throw new DecisionRuleException($"Each number is between 0 and {decision.Points}.");
        if (decision.Type == DecisionType.DotVote && points.Sum() is var total && (total < 1 || total > decision.Points))
            throw new DecisionRuleException($"Spread between 1 and {decision.Points} dots.");
        return StoreAsync(decision, voter, proxyFor, string.Join(',', points), null, receipt, cancellationToken);
    }

    /// <summary>Stores the vote of <paramref name="voter"/>, or with a proxy, the vote of <paramref name="proxyFor"/> cast by <paramref name="voter"/>.</summary>
    async Task<string?> StoreAsync(Decision decision, Membership voter, Membership? proxyFor, string position, string? reason, string? receipt,
        CancellationToken cancellationToken, DecisionClass? rules = null)
    {
        if (decision.Status != DecisionStatus.Open || clock.GetUtcNow() >= decision.ClosesAt)
            throw new DecisionRuleException("Voting has closed.");
        if (voter.UserId is not { } casterId) throw new DecisionRuleException("Only members who are people vote here.");
        var owner = proxyFor ?? voter;
        if (owner.UserId is not { } userId || owner.GroupId != decision.GroupId) throw new DecisionRuleException("Only members who are people vote here.");
        rules ??= await RulesAsync(decision, cancellationToken);
        if (await db.Groups.Where(g => g.Id == decision.GroupId).Select(g => g.Kind).SingleAsync(cancellationToken) == GroupKind.Federation)
        {
            if (decision.Type == DecisionType.Proposal && rules.MemberVotes != FederationVoting.Delegates)
                throw new DecisionRuleException("This federation decision is counted by member groups: vote in your own group's decision on it.");
            if (!await db.Delegations.AnyAsync(d => d.FederationId == decision.GroupId && d.UserId == userId && d.Until == null, cancellationToken))
                throw new DecisionRuleException("In a federation, the member groups' delegates vote.");
        }
        if (decision.MeetingId is { } meetingId && !rules.AbsentMembersVote
            // The one in the room casts it, for themself or with an absent member's proxy.
            && !await db.Attendances.AnyAsync(a => a.MeetingId == meetingId && a.UserId == casterId, cancellationToken))
            throw new DecisionRuleException("Under the rulebook only members checked in at the meeting vote on this.");
        var weight = rules.WeightedVotes ? owner.VoteWeight : 1;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await DecisionLock.AcquireAsync(db, decision.Id, cancellationToken) is var (status, closesAt)
            && (status != DecisionStatus.Open || clock.GetUtcNow() >= closesAt))
            throw new DecisionRuleException("Voting has closed.");
        var proxy = await db.ProxyVotes.FirstOrDefaultAsync(p => p.DecisionId == decision.Id && p.GrantorUserId == userId, cancellationToken);
        if (proxyFor is not null && (proxy is null || proxy.HolderUserId != casterId))
            throw new DecisionRuleException("You do not hold that member's proxy for this decision.");
        // Voting in person takes a handed-over vote back.
        if (proxyFor is null && proxy is not null) db.ProxyVotes.Remove(proxy);
        string? newReceipt = null;
        if (decision.Secret) newReceipt = await CastSecretAsync(decision, userId, position, reason, weight, receipt, cancellationToken);
        else await CastOpenAsync(decision, userId, proxyFor is null ? null : casterId, position, reason, weight, cancellationToken);
        var voters = await CountVotersAsync(db, decision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.VotesChanged(decision.Id, voters);
        if (decision.MeetingId is { } heldAt) meetings.VotersChanged(heldAt, decision.Id, voters);
        return newReceipt;
    }

    /// <summary>The rule for this decision's round (a fallback round takes no blocks).</summary>
    async Task<DecisionClass> RulesAsync(Decision decision, CancellationToken cancellationToken) =>
        ((await rulebooks.VersionAsync(decision.GroupId, decision.RulebookVersion, cancellationToken))?.Class(decision.ClassKey)
            ?? throw new InvalidOperationException("A decision's rulebook version is gone.")).ForRound(decision.Round);

    /// <summary>How many have voted: the voter roll of a secret ballot, the open votes otherwise.</summary>
    public static Task<int> CountVotersAsync(PlenumDb db, Decision decision, CancellationToken cancellationToken = default) => decision.Secret
        ? db.VoterRoll.CountAsync(v => v.DecisionId == decision.Id, cancellationToken)
        : db.OpenVotes.CountAsync(v => v.DecisionId == decision.Id, cancellationToken);

    async Task CastOpenAsync(Decision decision, Guid userId, Guid? castBy, string position, string? reason, int weight, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var vote = await db.OpenVotes.FirstOrDefaultAsync(v => v.DecisionId == decision.Id && v.UserId == userId, cancellationToken);
        if (vote is null)
            db.OpenVotes.Add(new OpenVote
            {
                Id = Guid.NewGuid(), DecisionId = decision.Id, UserId = userId, Position = position, Reason = reason, CastAt = now, Weight = weight, CastByUserId = castBy,
            });
        else
        {
            vote.History = $"{vote.History}{(vote.History is null ? "" : "; ")}{vote.Position}@{vote.CastAt:yyyy-MM-ddTHH:mmZ}";
            (vote.Position, vote.Reason, vote.CastAt, vote.Weight, vote.CastByUserId) = (position, reason, now, weight, castBy);
        }
        await SaveOrRefuseAsync(cancellationToken);
    }

    async Task<string?> CastSecretAsync(Decision decision, Guid userId, string position, string? reason, int weight, string? receipt, CancellationToken cancellationToken)
    {
        var voted = await db.VoterRoll.AnyAsync(v => v.DecisionId == decision.Id && v.UserId == userId, cancellationToken);
        if (voted)
        {
            // Only the receipt, which the voter alone holds, leads to their ballot.
            var hash = ReceiptHash(decision.Id, receipt ?? "");
            var ballot = await db.SecretBallots.FirstOrDefaultAsync(b => b.DecisionId == decision.Id && b.ReceiptHash == hash, cancellationToken)
                ?? throw new DecisionRuleException("You have voted. To change your secret ballot, give the receipt code you were shown.");
            (ballot.Position, ballot.Reason, ballot.Weight) = (position, reason, weight);
            await db.SaveChangesAsync(cancellationToken);
            await ReshuffleBallotBoxAsync(decision.Id, cancellationToken);
            return null;
        }
        var code = NewReceipt();
        db.VoterRoll.Add(new VoterRollEntry { DecisionId = decision.Id, UserId = userId });
        db.SecretBallots.Add(new SecretBallot { Id = Guid.NewGuid(), DecisionId = decision.Id, Position = position, Reason = reason, Weight = weight, ReceiptHash = ReceiptHash(decision.Id, code) });
        await SaveOrRefuseAsync(cancellationToken);
        await ReshuffleBallotBoxAsync(decision.Id, cancellationToken);
        return code;
    }

    /// <summary>
    /// Rewrites the decision's whole ballot box in random order with new ids, inside the vote's
    /// transaction. Without this, storage order (SQLite row ids, PostgreSQL tuple order and the
    /// inserting transaction id) would tie each ballot to the roll entry written with it. Costs one
    /// rewrite of the box per secret vote, which is small for the groups Plenum serves.
    /// </summary>
    async Task ReshuffleBallotBoxAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var box = await db.SecretBallots.AsNoTracking().Where(b => b.DecisionId == decisionId).ToListAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.SecretBallots.Where(b => b.DecisionId == decisionId).ExecuteDeleteAsync(cancellationToken);
        var shuffled = box.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        foreach (var ballot in shuffled) ballot.Id = Guid.NewGuid();
        db.SecretBallots.AddRange(shuffled);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>A second vote racing the first hits the unique key: the first stands, the second is refused.</summary>
    async Task SaveOrRefuseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DecisionRuleException("Your vote was being recorded from another window; reload to see it.");
        }
    }

    /// <summary>Finds the position recorded under a receipt code, so a voter can check their ballot was counted.</summary>
    public async Task<string?> CheckReceiptAsync(Decision decision, string receipt, CancellationToken cancellationToken = default)
    {
        var hash = ReceiptHash(decision.Id, receipt.Trim().ToUpperInvariant());
        return await db.SecretBallots.Where(b => b.DecisionId == decision.Id && b.ReceiptHash == hash).Select(b => b.Position).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The receipt is 80 random bits; only its hash (bound to the decision) is stored.</summary>
    public static string ReceiptHash(Guid decisionId, string receipt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{decisionId:N}:{receipt.Trim().ToUpperInvariant()}")));

    static string NewReceipt()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
        var bytes = RandomNumberGenerator.GetBytes(16);
        var code = new string([.. bytes.Select(b => alphabet[b % alphabet.Length])]);
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..16]}";
    }
}
