using Microsoft.EntityFrameworkCore;
using Plenum.Cli;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Groups;
using Plenum.Infrastructure;
using Plenum.Mail;
using Plenum.Notifications.Push;

namespace Plenum.Notifications;

/// <summary>
/// Tells a group's members about its decisions and events: always in the app; by e-mail only when the person
/// confirmed an address, and by push only to browsers where they turned it on, each as their volume
/// for the group allows. Mail and push name only the group, the title and a link, never the text or
/// any vote, since mailboxes and lock screens are read by more than their owner.
/// </summary>
public sealed class Notifier(PlenumDb db, Mailer mailer, PushQueue push, PlenumOptions options, TimeProvider clock, ILogger<Notifier> log)
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

    IQueryable<Accounts.User> MembersExcept(Guid groupId, Guid? except) =>
        db.Memberships.Where(m => m.GroupId == groupId && m.UserId != null && m.UserId != except).Select(m => m.User!);

    async Task NotifyAsync(Decision decision, NotificationKind kind, IQueryable<Accounts.User> recipients, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == decision.GroupId, cancellationToken);
        await NoticeAsync(group, kind, Summary(kind, decision), DecisionPath(group, decision.Id), recipients, decision.Id, null, cancellationToken);
    }

    /// <summary>Tells the given members about one of their group's events; like <see cref="GroupNoticeAsync"/>, by mail and push only at volume "all".</summary>
    public async Task EventNoticeAsync(Events.GroupEvent groupEvent, NotificationKind kind, string summary, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default)
    {
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == groupEvent.GroupId, cancellationToken);
        await NoticeAsync(group, kind, summary, Events.EventPaths.Of(group, groupEvent.Id), db.Users.Where(u => userIds.Contains(u.Id)), null, groupEvent.Id, cancellationToken);
    }

    /// <summary>
    /// Tells the group's members of something other than a decision (a role to hand over, an event):
    /// in the app always; by e-mail and push only at volume "all" (or in the daily digest).
    /// </summary>
    public Task GroupNoticeAsync(Group group, NotificationKind kind, string summary, string path, CancellationToken cancellationToken = default) =>
        NoticeAsync(group, kind, summary, path, MembersExcept(group.Id, null), null, null, cancellationToken);

    /// <summary>Tells the given people of something in the group meant for them alone (a mutual aid match or claim), at volume "all" by mail and push.</summary>
    public Task PeopleNoticeAsync(Group group, NotificationKind kind, string summary, string path, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default) =>
        userIds.Count == 0 ? Task.CompletedTask : NoticeAsync(group, kind, summary, path, db.Users.Where(u => userIds.Contains(u.Id)), null, null, cancellationToken);

    async Task NoticeAsync(Group group, NotificationKind kind, string summary, string path, IQueryable<Accounts.User> recipients, Guid? decisionId,
        Guid? eventId, CancellationToken cancellationToken)
    {
        var people = await recipients.Where(u => u.DeletedAt == null)
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed }).ToListAsync(cancellationToken);
        var volumes = await db.NotificationSettings.Where(s => s.GroupId == group.Id)
            .ToDictionaryAsync(s => s.UserId, s => s.Volume, cancellationToken);
        var text = $"{group.Name}: {summary}";
        var now = clock.GetUtcNow();
        var mailNow = new List<string>();
        var pushNow = new List<Guid>();
        foreach (var person in people)
        {
            var volume = volumes.GetValueOrDefault(person.Id, NotificationSetting.DefaultVolume);
            var wanted = volume == NotificationVolume.All || (volume == NotificationVolume.DecisionsOnly && decisionId is not null);
            if (wanted) pushNow.Add(person.Id);
            var mailable = mailer.IsConfigured && person.EmailConfirmed && person.Email is { Length: > 0 };
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = person.Id, GroupId = group.Id, Kind = kind, DecisionId = decisionId, EventId = eventId, Path = path, Text = text, CreatedAt = now,
                DigestPending = mailable && volume == NotificationVolume.DailyDigest,
            });
            if (mailable && wanted) mailNow.Add(person.Email!);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (pushNow.Count > 0) push.Enqueue(new PushNotice(pushNow, group.Name, summary, path));
        var body = $"{text}\n\n{Link(path)}\n\nChange how much mail {group.Name} sends you: {Link($"/groups/{group.Slug}/notifications")}\n";
        foreach (var address in mailNow) await SendQuietlyAsync(address, Subject(kind), body, cancellationToken);
    }

    /// <summary>The notice says what happened, never how anyone voted.</summary>
    public static string Describe(NotificationKind kind, Group group, Decision decision) => $"{group.Name}: {Summary(kind, decision)}";

    /// <summary>What happened, without the group's name (a push notice shows that as its heading).</summary>
    static string Summary(NotificationKind kind, Decision decision) => kind switch
    {
        NotificationKind.DecisionOpened => $"a decision is open for votes: \"{decision.Title}\"",
        NotificationKind.DecisionClosingSoon => $"voting on \"{decision.Title}\" closes within a day and you have not voted",
        NotificationKind.AgreementReviewDue => $"the agreement \"{decision.Title}\" is due for review",
        _ => $"the decision \"{decision.Title}\" has closed",
    };

    /// <summary>Subjects name nothing: an SMTP log line or a lock screen should not show a group or title.</summary>
    static string Subject(NotificationKind kind) => kind switch
    {
        NotificationKind.DecisionOpened => "Plenum: a decision is open for votes",
        NotificationKind.DecisionClosingSoon => "Plenum: a vote closes soon",
        NotificationKind.AgreementReviewDue => "Plenum: an agreement is due for review",
        NotificationKind.RoleHandover => "Plenum: a role changes hands soon",
        NotificationKind.EventReminder => "Plenum: an event you answered is coming up",
        NotificationKind.EventCancelled => "Plenum: an event was cancelled",
        NotificationKind.EventPlaceFreed => "Plenum: a place at an event is yours",
        NotificationKind.AidMatch => "Plenum: a need fits your offer",
        NotificationKind.AidClaim => "Plenum: news about a need you are helping with",
        NotificationKind.AidMessage => "Plenum: a new message about a need",
        NotificationKind.AidEscalation => "Plenum: a need is waiting for help",
        NotificationKind.AidReport => "Plenum: a safety report",
        NotificationKind.AlertPipeline => "Plenum: alerts may not be going out",
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
