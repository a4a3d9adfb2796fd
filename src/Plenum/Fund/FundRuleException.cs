using Plenum.Infrastructure;

namespace Plenum.Fund;

/// <summary>A ledger entry or spending proposal refused, with the reason in plain words; nothing is written.</summary>
public sealed class FundRuleException(string message) : RuleException(message);
