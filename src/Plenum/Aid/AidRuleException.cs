using Plenum.Infrastructure;

namespace Plenum.Aid;

/// <summary>A refused mutual aid action, with a message the person can act on.</summary>
public sealed class AidRuleException(string message) : RuleException(message);
