using Plenum.Infrastructure;

namespace Plenum.Alerts;

/// <summary>An alert action the network's rules or the input do not allow; its message is shown to the person.</summary>
public sealed class AlertRuleException(string message) : RuleException(message);
