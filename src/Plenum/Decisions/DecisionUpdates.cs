using Microsoft.AspNetCore.SignalR;

namespace Plenum.Decisions;

/// <summary>
/// Tells the pages open on a decision that it changed, after the change is committed. The message
/// carries only the number who voted, which every member sees anyway; never a position or a count
/// by position, and nothing about who voted, so a secret ballot stays unlinked.
/// </summary>
public sealed class DecisionUpdates(IHubContext<DecisionHub> hub, ILogger<DecisionUpdates> log)
{
    public const string VotesChangedMessage = "VotesChanged", ClosedMessage = "DecisionClosed";

    public static string ListenersOf(Guid decisionId) => $"decision:{decisionId:N}";

    public void VotesChanged(Guid decisionId, int voters) => Publish(decisionId, VotesChangedMessage, voters);

    public void Closed(Guid decisionId) => Publish(decisionId, ClosedMessage);

    /// <summary>Not awaited: a slow or broken listener must never hold up or undo the vote that caused it.</summary>
    void Publish(Guid decisionId, string message, params object[] arguments) =>
        _ = SendAsync(decisionId, message, [decisionId, .. arguments]);

    async Task SendAsync(Guid decisionId, string message, object[] arguments)
    {
        try
        {
            await hub.Clients.Group(ListenersOf(decisionId)).SendCoreAsync(message, arguments);
        }
        catch (Exception error)
        {
            log.LogWarning(error, "Live update {Message} could not be sent", message);
        }
    }
}
