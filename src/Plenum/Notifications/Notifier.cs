using Microsoft.EntityFrameworkCore;
using Plenum.Cli;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;
using Plenum.Infrastructure;
using Plenum.Mail;

namespace Plenum.Notifications;

/// <summary>
/// Tells a group's members about its decisions and events: always in the app, by e-mail only when the person
/// confirmed an address and their volume for the group allows it. Mail names only the group, the
/// title and a link, never the text or any vote, since mailboxes are read by more than their owner.
/// </summary>
public sealed class Notifier(PlenumDb db, Mailer mailer, PlenumOptions options, TimeProvider clock, ILogger<Notifier> log)
{
    public Task DecisionOpenedAsync(Decision decision, CancellationToken cancellationToken = default) =>
        NotifyAsync(decision, NotificationKind.DecisionOpened, MembersExcept(decision.GroupId, decision.AuthorId), cancellationToken);

    public Task DecisionClosedAsync(Decision decision, CancellationToken cancellationToken = default) =>
        NotifyAsync(decision, NotificationKind.DecisionClosed, MembersExcept(decision.GroupId, null), cancellationToken);

    /// <summary>Reminds the given members that a decision closes soon.</summary>
    public Task DecisionClosingSoonAsync(Decision decision, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        NotifyAsync(decision, NotificationKind.DecisionClosingSoon, db.Users.Where(u => userIds.Contains(u.Id)), cancellationToken);

    /// <summary>Reminds all members that an agreement adopted by this decision has come up for review.</summary>
    public Task AgreementDueForReviewAsync(Decision decision, CancellationToken cancellationToken = default) =>
        NotifyAsync(decision, NotificationKind.AgreementReviewDue, MembersExcept(decision.GroupId, null), cancellationToken);

    /// <summary>Tells the given members about one of their group's events; <paramref name="describe"/> words the notice for the group.</summary>
    public Task EventNoticeAsync(Events.GroupEvent groupEvent, NotificationKind kind, Func<Group, string> describe, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default) =>
        NotifyAsync(groupEvent.GroupId, kind, describe, group => Events.EventPaths.Of(group, groupEvent.Id), null, groupEvent.Id,
            db.Users.Where(u => userIds.Contains(u.Id)), cancellationToken);

    IQueryable<Accounts.User> MembersExcept(Guid groupId, Guid? except) =>
        db.Memberships.Where(m => m.GroupId == groupId && m.UserId != null && m.UserId != except).Select(m => m.User!);

    Task NotifyAsync(Decision decision, NotificationKind kind, IQueryable<Accounts.User> recipients, CancellationToken cancellationToken) =>
        NotifyAsync(decision.GroupId, kind, group => Describe(kind, group, decision), group => DecisionPath(group, decision.Id), decision.Id, null, recipients, cancellationToken);

    async Task NotifyAsync(Guid groupId, NotificationKind kind, Func<Group, string> describe, Func<Group, string> path, Guid? decisionId, Guid? eventId,
        IQueryable<Accounts.User> recipients, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == groupId, cancellationToken);
        var people = await recipients.Where(u => u.DeletedAt == null)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed }).ToListAsync(cancellationToken);
        var volumes = await db.NotificationSettings.Where(s => s.GroupId == group.Id)
            .ToDictionaryAsync(s => s.UserId, s => s.Volume, cancellationToken);
        var text = describe(group);
        var now = clock.GetUtcNow();
        var mailNow = new List<string>();
        foreach (var person in people)
        {
            var volume = volumes.GetValueOrDefault(person.Id, NotificationSetting.DefaultVolume);
            var mailable = mailer.IsConfigured && person.EmailConfirmed && person.Email is { Length: > 0 };
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = person.Id, GroupId = group.Id, Kind = kind, DecisionId = decisionId, EventId = eventId, Text = text, CreatedAt = now,
                DigestPending = mailable && volume == NotificationVolume.DailyDigest,
            });
            if (mailable && (volume == NotificationVolume.All || (volume == NotificationVolume.DecisionsOnly && IsAboutDecisions(kind)))) mailNow.Add(person.Email!);
        }
        await db.SaveChangesAsync(cancellationToken);
        var body = $"{text}\n\n{Link(path(group))}\n\nChange how much mail {group.Name} sends you: {Link($"/groups/{group.Slug}/notifications")}\n";
        foreach (var address in mailNow) await SendQuietlyAsync(address, Subject(kind), body, cancellationToken);
    }

    /// <summary>The notice says what happened, never how anyone voted.</summary>
    public static string Describe(NotificationKind kind, Group group, Decision decision) => kind switch
    {
        NotificationKind.DecisionOpened => $"{group.Name}: a decision is open for votes: \"{decision.Title}\"",
        NotificationKind.DecisionClosingSoon => $"{group.Name}: voting on \"{decision.Title}\" closes within a day and you have not voted",
        NotificationKind.AgreementReviewDue => $"{group.Name}: the agreement \"{decision.Title}\" is due for review",
        _ => $"{group.Name}: the decision \"{decision.Title}\" has closed",
    };

    static bool IsAboutDecisions(NotificationKind kind) =>
        kind is NotificationKind.DecisionOpened or NotificationKind.DecisionClosingSoon or NotificationKind.DecisionClosed or NotificationKind.AgreementReviewDue;

    /// <summary>Subjects name nothing: an SMTP log line or a lock screen should not show a group or title.</summary>
    static string Subject(NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionOpened => "Plenum: a decision is open for votes",
        NotificationKind.DecisionClosingSoon => "Plenum: a vote closes soon",
        NotificationKind.AgreementReviewDue => "Plenum: an agreement is due for review",
        NotificationKind.EventReminder => "Plenum: an event you answered is coming up",
        NotificationKind.EventCancelled => "Plenum: an event was cancelled",
        NotificationKind.EventPlaceFreed => "Plenum: a place at an event is yours",
        _ => "Plenum: a decision has closed",
    };

    public static string DecisionPath(Group group, Guid decisionId) => $"/groups/{group.Slug}/decisions/{decisionId}";

    public string Link(string path) => $"{(options.PublicUrl ?? ServeCommand.DefaultUrl).TrimEnd('/')}{path}";

    /// <summary>A mail server being down must not undo the decision that was just opened or closed.</summary>
    public async Task<bool> SendQuietlyAsync(string address, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(address, subject, body, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogWarning(error, "A notification e-mail could not be sent");
            return false;
        }
    }
}
