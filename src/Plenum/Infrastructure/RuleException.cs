namespace Plenum.Infrastructure;

/// <summary>
/// An action the group's rules or the input do not allow; its message is shown to the person. Each feature
/// throws its own kind; a page acting through <see cref="Groups.GroupPageModel"/>'s ActAsync shows any of them above the form.
/// </summary>
public abstract class RuleException(string message) : Exception(message);
