using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plenum.Alerts.Cap;
using Plenum.Data;

namespace Plenum.Alerts;

/// <summary>
/// Saves a message with one delivery per person before anything is sent, so a crash between saving and
/// sending loses nothing: the dispatcher sends every pending delivery when it starts again.
/// Callers save through <see cref="SaveAndSendAsync"/>.
/// </summary>
public sealed class AlertSending(PlenumDb db, AlertDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>Adds the people as recipients of the incident (once each) and a message to them, saved and sent by <see cref="SaveAndSendAsync"/>.</summary>
    public async Task<AlertMessage> PageAsync(Incident incident, AlertTier tier, CapMsgType type, string text, IReadOnlyCollection<Guid> people,
        Guid? sentBy, int wave = 0)
    {
        var now = clock.GetUtcNow();
        var ids = people.Distinct().ToList();
        // A verifier who is also on call was told of the report already: their row moves up to the responders' tier.
        var known = await db.AlertRecipients.Where(r => r.IncidentId == incident.Id && ids.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId);
        foreach (var recipient in known.Values) (recipient.Tier, recipient.PagedAt, recipient.Wave) = (tier, now, wave);
        _unsavedRecipients.Add((incident.Id, tier, now, wave, ids.Where(id => !known.ContainsKey(id)).ToList()));
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
        _unsaved.Add((message.Id, incident.Id, people.Distinct().ToList()));
        return message;
    }

    readonly List<(Guid MessageId, Guid IncidentId, IReadOnlyList<Guid> People)> _unsaved = [];
    readonly List<(Guid IncidentId, AlertTier Tier, DateTimeOffset PagedAt, int Wave, IReadOnlyList<Guid> People)> _unsavedRecipients = [];

    readonly List<Guid> _savedUnsent = [];

    /// <summary>
    /// Saves the caller's changes and the messages' deliveries in one transaction, then hands the messages to
    /// the dispatcher: before the commit it could not see them. Inside a caller's own transaction they are handed
    /// over by <see cref="SendSaved"/> once the caller has committed. Should anything fail after the commit, the
    /// dispatcher's sweep sends them all the same.
    /// </summary>
    public async Task SaveAndSendAsync(CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var paged in _unsavedRecipients) await InsertRecipientsAsync(paged.IncidentId, paged.Tier, paged.PagedAt, paged.Wave, paged.People, cancellationToken);
            foreach (var (messageId, incidentId, people) in _unsaved) await InsertDeliveriesAsync(messageId, incidentId, people, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
        }
        _savedUnsent.AddRange(_unsaved.Select(m => m.MessageId));
        _unsaved.Clear();
        _unsavedRecipients.Clear();
        if (own is not null) SendSaved();
    }

    /// <summary>Hands the saved messages to the dispatcher; for a caller that saved them inside its own transaction, after its commit.</summary>
    public void SendSaved()
    {
        foreach (var id in _savedUnsent) dispatcher.Wake(id);
        _savedUnsent.Clear();
    }

    /// <summary>New recipients in one statement, for the same reason as <see cref="InsertDeliveriesAsync"/>.</summary>
    async Task InsertRecipientsAsync(Guid incidentId, AlertTier tier, DateTimeOffset pagedAt, int wave, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0) return;
        var (tierName, none) = (tier.ToString(), nameof(AlertAnswer.None));
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AlertRecipients" ("IncidentId", "UserId", "Tier", "PagedAt", "Wave", "StandBy", "Answer")
                SELECT {incidentId}, person, {tierName}, {pagedAt}, {wave}, FALSE, {none} FROM unnest({people.ToArray()}) AS person
                """, cancellationToken);
        else
        {
            // As the model stores times on SQLite (see SqlitePlenumDb).
            var pagedTicks = (long)SqliteTime.ConvertToProvider(pagedAt)!;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AlertRecipients" ("IncidentId", "UserId", "Tier", "PagedAt", "Wave", "StandBy", "Answer")
                SELECT {incidentId}, value, {tierName}, {pagedTicks}, {wave}, 0, {none} FROM json_each({SqliteIds(people)})
                """, cancellationToken);
        }
    }

    static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>A JSON array of the ids as SQLite keeps a Guid: its upper-case text, as EF writes it.</summary>
    static string SqliteIds(IEnumerable<Guid> ids) => System.Text.Json.JsonSerializer.Serialize(ids.Select(p => p.ToString().ToUpperInvariant()));

    /// <summary>
    /// One statement for all of a message's deliveries, not one per person: an alert to 10,000 responders
    /// otherwise spends seconds saving before the first is sent. The people go as one array parameter.
    /// </summary>
    async Task InsertDeliveriesAsync(Guid messageId, Guid incidentId, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0) return;
        var pending = nameof(DeliveryState.Pending);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AlertDeliveries" ("MessageId", "UserId", "IncidentId", "State", "Attempts")
                SELECT {messageId}, person, {incidentId}, {pending}, 0 FROM unnest({people.ToArray()}) AS person
                """, cancellationToken);
        else
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AlertDeliveries" ("MessageId", "UserId", "IncidentId", "State", "Attempts")
                SELECT {messageId}, value, {incidentId}, {pending}, 0 FROM json_each({SqliteIds(people)})
                """, cancellationToken);
    }
}
