using Microsoft.EntityFrameworkCore;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Saves a message with one delivery per person before anything is sent, so a crash between saving and
/// sending loses nothing: the dispatcher sends every pending delivery when it starts again.
/// Callers save, then call <see cref="SendSaved"/>.
/// </summary>
public sealed class AlertSending(PlenumDb db, AlertDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>Adds the people as recipients of the incident (once each) and saves a message to them; sent after the caller's save.</summary>
    public async Task<AlertMessage> PageAsync(Incident incident, AlertTier tier, CapMsgType type, string text, IReadOnlyCollection<Guid> people,
        Guid? sentBy, int wave = 0)
    {
        var now = clock.GetUtcNow();
        var ids = people.Distinct().ToList();
        // A verifier who is also on call was told of the report already: their row moves up to the responders' tier.
        var known = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && ids.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId);
        foreach (var person in ids)
        {
            if (known.TryGetValue(person, out var recipient)) (recipient.Tier, recipient.PagedAt, recipient.Wave) = (tier, now, wave);
            else db.AlertRecipients.Add(new AlertRecipient { IncidentId = incident.Id, UserId = person, Tier = tier, PagedAt = now, Wave = wave });
        }
        return await MessageAsync(incident, tier, type, text, people, sentBy);
    }

    /// <summary>A message to exactly everyone who already received one about the incident (an update, cancellation or the all clear).</summary>
    public async Task<AlertMessage> ToAllRecipientsAsync(Incident incident, CapMsgType type, string text, Guid? sentBy, bool allClear = false)
    {
        var people = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id).Select(r => r.UserId).ToListAsync();
        // Only a verified incident reached responders: a false alarm's cancellation is the verifiers' message.
        var message = await MessageAsync(incident, incident.VerifiedAt is null ? AlertTier.Verifiers : AlertTier.Responders, type, text, people, sentBy);
        message.AllClear = allClear;
        return message;
    }

    /// <summary>A message to some of the incident's recipients only (e.g. "covered, stand by"), or to people outside it (a safety alarm).</summary>
    public Task<AlertMessage> ToSomeAsync(Incident incident, AlertTier tier, string text, IReadOnlyCollection<Guid> people, Guid? sentBy) =>
        MessageAsync(incident, tier, CapMsgType.Update, text, people, sentBy);

    async Task<AlertMessage> MessageAsync(Incident incident, AlertTier tier, CapMsgType type, string text, IReadOnlyCollection<Guid> people, Guid? sentBy)
    {
        var now = clock.GetUtcNow();
        var sequence = await db.AlertMessages.Where(m => m.IncidentId == incident.Id).MaxAsync(m => (int?)m.Sequence) ?? 0;
        sequence = Math.Max(sequence, db.AlertMessages.Local.Where(m => m.IncidentId == incident.Id).Select(m => m.Sequence).DefaultIfEmpty().Max());
        var message = new AlertMessage
        {
            Id = Guid.NewGuid(), IncidentId = incident.Id, Sequence = sequence + 1, Tier = tier, Type = type,
            Text = AlertText.Marked(incident.Mode, text), SentById = sentBy, SentAt = now,
        };
        db.AlertMessages.Add(message);
        foreach (var person in people.Distinct())
            db.AlertDeliveries.Add(new AlertDelivery { MessageId = message.Id, UserId = person, IncidentId = incident.Id, State = DeliveryState.Pending });
        _unsent.Add(message.Id);
        return message;
    }

    readonly List<Guid> _unsent = [];

    /// <summary>
    /// Sends what was saved. Called after the save (or the transaction) commits: before that the dispatcher
    /// could not see the deliveries. Should a caller fail before this, the dispatcher's sweep sends them.
    /// </summary>
    public void SendSaved()
    {
        foreach (var id in _unsent) dispatcher.Wake(id);
        _unsent.Clear();
    }
}
