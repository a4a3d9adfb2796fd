using Microsoft.Extensions.DependencyInjection;
using Plenum.Accounts;
using Plenum.Assemblies;
using Plenum.Data;
using Plenum.Decisions;

namespace Plenum.Seed;

/// <summary>
/// For bench/meeting-load.sh: an assembly whose members are all checked in at a meeting in progress,
/// on an agenda item whose proposal is under a live vote. Writes participants.tsv (per member: the
/// sign-in cookie a browser would hold, then an API token) and returns "slug meeting decision".
/// </summary>
static class MeetingSeed
{
    public static async Task<string> RunAsync(IServiceProvider services, string dataDir, int participants)
    {
        var db = services.GetRequiredService<PlenumDb>();
        var (group, members, tokens) = await SeedMembers.AssemblyAsync(db, "meet", participants, withTokens: participants);
        await services.GetRequiredService<Rulebooks>().AdoptFirstAsync(group, "majority-quorum");
        var now = DateTimeOffset.UtcNow;
        var facilitator = members[0].UserId;
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), GroupId = group.Id, Title = "General assembly", StartsAt = now, Mode = MeetingMode.InPerson, Place = "The hall",
            Status = MeetingStatus.Live, FacilitatorId = facilitator, CreatedAt = now,
        };
        meeting.Items = [.. new[] { "Rent strike", "Repairs fund", "Next meeting" }
            .Select((title, i) => new AgendaItem { Id = Guid.NewGuid(), MeetingId = meeting.Id, Position = i + 1, Title = title })];
        // Written directly rather than through DecisionOpening, which would notify every member.
        var decision = new Decision
        {
            Id = Guid.NewGuid(), GroupId = group.Id, AuthorId = facilitator, ClassKey = "general", RulebookVersion = 1, Title = "Start the rent strike in March",
            Text = "We withhold rent from March until the repairs are done.", OpenedAt = now, ClosesAt = now.AddDays(1), Status = DecisionStatus.Open, MeetingId = meeting.Id,
        };
        (meeting.CurrentItemId, meeting.Items[0].DecisionId) = (meeting.Items[0].Id, decision.Id);
        db.Meetings.Add(meeting);
        db.Decisions.Add(decision);
        db.Attendances.AddRange(members.Select((m, i) => new Attendance { MeetingId = meeting.Id, UserId = m.UserId!.Value, CheckedInAt = now.AddSeconds(i) }));
        await db.SaveChangesAsync();

        var lines = new List<string>();
        for (var i = 0; i < members.Count; i++) lines.Add($"{await SeedMembers.SignInCookieAsync(services, members[i].UserId!.Value, now)}\t{tokens[i]}");
        await db.SaveChangesAsync();
        await File.WriteAllLinesAsync(Path.Combine(dataDir, "participants.tsv"), lines);
        return $"{group.Slug} {meeting.Id} {decision.Id}";
    }
}
