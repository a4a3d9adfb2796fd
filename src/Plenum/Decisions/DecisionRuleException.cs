using Plenum.Infrastructure;

namespace Plenum.Decisions;

/// <summary>A request the group's rulebook does not allow; the message says which rule, in plain words.</summary>
public sealed class DecisionRuleException(string message) : RuleException(message);
