using CsCheck;
using Plenum.Counting.Irv;
using Plenum.Counting.Stv;

namespace Plenum.Counting.Tests.Properties;

/// <summary>Random rule options, so that the properties hold for every option, not just the defaults.</summary>
public static class RulesGen
{
    /// <summary>
    /// IRV options. Left out: an undeclared write-in, a minimum vote threshold and a round limit (they change
    /// who may be counted, not how), and continue-until-two or batch elimination with several seats (refused, as RCTab refuses them: see
    /// ConservationPropertyTests and WellFormedResultTests for what they did).
    /// </summary>
    public static Gen<IrvRules> Irv(int seats) =>
        from overvote in Gen.Enum<OvervoteRule>()
        from skipped in Gen.Int[-1, 2]
        from duplicate in Gen.Bool
        from batch in Gen.Bool
        from tie in Gen.Enum<TieBreakRule>()
        from seed in Gen.ULong
        from places in Gen.Int[0, 6]
        from nonInteger in Gen.Bool
        from hare in Gen.Int[0, 4]
        from firstRound in Gen.Bool
        from oneWinner in Gen.Bool
        from untilTwo in Gen.Bool
        select new IrvRules
        {
            Overvote = overvote,
            MaxSkippedRanks = skipped < 0 ? null : skipped,
            ExhaustOnDuplicateCandidate = duplicate,
            BatchElimination = batch && seats == 1,
            TieBreak = tie,
            RandomSeed = seed,
            DecimalPlaces = places,
            NonIntegerThreshold = nonInteger,
            HareQuota = hare == 0,
            FirstRoundDeterminesThreshold = firstRound,
            OneWinnerPerRound = oneWinner,
            ContinueUntilTwoCandidatesRemain = untilTwo && seats == 1,
        };

    public static Gen<WigmRules> Wigm =>
        from decimals in Gen.Int[0, 6]
        from hare in Gen.Int[0, 4]
        from levels in Gen.Int[0, 8]
        select new WigmRules
        {
            Decimals = decimals,
            Quota = hare == 0 ? QuotaKind.Hare : QuotaKind.Droop,
            MaxRankingLevels = levels < 3 ? null : levels,
        };

    public static Gen<MeekRules> Meek =>
        from decimals in Gen.OneOf(Gen.Const(9), Gen.Const(6))
        from hare in Gen.Int[0, 4]
        from batch in Gen.Enum<BatchDefeats>()
        from first in Gen.Bool
        from levels in Gen.Int[0, 8]
        select new MeekRules
        {
            Decimals = decimals,
            Quota = hare == 0 ? QuotaKind.Hare : QuotaKind.Droop,
            BatchDefeats = batch,
            AlwaysCountFirstRound = first,
            MaxRankingLevels = levels < 3 ? null : levels,
        };
}
