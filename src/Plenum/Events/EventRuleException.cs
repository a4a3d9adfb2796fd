using Plenum.Infrastructure;

namespace Plenum.Events;

/// <summary>A request about an event that cannot be done; the message says why, in plain words.</summary>
public sealed class EventRuleException(string message) : RuleException(message);
