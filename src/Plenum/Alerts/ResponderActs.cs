namespace Plenum.Alerts;

/// <summary>What a paged responder can say from the live page or an alert's link.</summary>
public enum ResponderAct { Going, CannotGo, OnSite, CheckIn, Left }

/// <summary>Carries out a responder's answer or check-in from any channel, and says back what it did.</summary>
public sealed class ResponderActs(AlertAnswers answers, CheckIns checkIns, AlertReceipts receipts)
{
    /// <summary>Does <paramref name="act"/>; with a message, also marks it received on <paramref name="channel"/>. Returns the words to confirm it with.</summary>
    public async Task<string> DoAsync(Guid incidentId, Guid userId, ResponderAct? act, AlertChannel channel, Guid? messageId = null)
    {
        if (messageId is { } message) await receipts.ReceivedAsync(message, userId, channel);
        switch (act)
        {
            case ResponderAct.Going:
                await answers.AnswerAsync(incidentId, userId, AlertAnswer.Going, channel);
                return "You answered: going. The dispatchers see that you are coming.";
            case ResponderAct.CannotGo:
                await answers.AnswerAsync(incidentId, userId, AlertAnswer.CannotGo, channel);
                return "You answered: can't go. Thank you for saying so.";
            case ResponderAct.OnSite:
                return $"You are marked on site. Check in by {await checkIns.OnSiteAsync(incidentId, userId):HH:mm} UTC, or the dispatchers and legal support are alerted.";
            case ResponderAct.CheckIn:
                return $"Checked in. Check in again by {await checkIns.CheckInAsync(incidentId, userId):HH:mm} UTC.";
            case ResponderAct.Left:
                await checkIns.LeftAsync(incidentId, userId);
                return "You are marked as having left the site. Take care.";
            default:
                throw new AlertRuleException("Choose one of the buttons.");
        }
    }
}
