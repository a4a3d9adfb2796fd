using Microsoft.AspNetCore.SignalR.Client;
using Plenum.Assemblies;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Assemblies;

/// <summary>Phones on a meeting's page listen on the meeting hub; a vote reaches them with its new count, so none has to fetch the page for it.</summary>
public sealed class MeetingLiveTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    PlenumServer Server => fixture.Server;
    static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task A_vote_on_the_current_item_reaches_every_listener_with_the_new_count()
    {
        var founder = await Server.NewMemberAsync("Hall-founder");
        var created = await founder.SubmitAsync(await founder.GetAsync("/groups/new"), null, Fields(("Form.Name", "Hall assembly"), ("Form.Kind", "Assembly"), ("Form.JoinPolicy", "Open")));
        var slug = created.Path.Split('/')[2];
        var member = await Server.NewMemberAsync("Hall-member");
        await member.SubmitAsync(await member.GetAsync($"/groups/{slug}"), "form[action*='Join']");
        await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/decisions"), "form[action*='Adopt']", Fields(("template", "majority-quorum")));
        var path = (await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Hall assembly, July"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Rent")))).Path;
        await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='GoTo']");
        var vote = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='PutToVote']", Fields(("classKey", "general"), ("title", "Rent strike"), ("text", "We strike.")));
        var decisionPath = vote.Document.QuerySelector("#current-item ~ p a")!.GetAttribute("href")!;
        var (meetingId, decisionId) = (Guid.Parse(path.Split('/')[^1]), Guid.Parse(decisionPath.Split('/')[^1]));
        Assert.Equal(decisionId.ToString(), vote.Document.QuerySelector("[data-testid=meeting-voters]")!.GetAttribute("data-voters-of"));

        await using var listener = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, MeetingHub.Path), o => o.Cookies = member.Cookies).Build();
        var heard = new TaskCompletionSource<(Guid, Guid, int)>();
        listener.On<Guid, Guid, int>(MeetingUpdates.VotersMessage, (meeting, decision, voters) => heard.TrySetResult((meeting, decision, voters)));
        await listener.StartAsync();
        await listener.InvokeAsync("Watch", meetingId);

        await founder.SubmitAsync(await founder.GetAsync(decisionPath), "form[action*='Vote']", Fields(("Position", "agree")));
        Assert.Equal((meetingId, decisionId, 1), await heard.Task.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_hand_signal_reaches_every_listener_with_the_counts_of_the_current_item()
    {
        var (slug, founder, members) = await Server.NewAssemblyAsync("Signal hall", 1, "majority-quorum");
        var path = (await founder.SubmitAsync(await founder.GetAsync($"/groups/{slug}/meetings"), null, Fields(("Title", "Signal hall, July"),
            ("StartsAt", Server.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm")), ("Mode", "InPerson"), ("Place", "The hall"), ("Agenda", "Rent")))).Path;
        var started = await founder.SubmitAsync(await founder.GetAsync(path), "form[action*='GoTo']");
        var itemId = Guid.Parse(started.Document.QuerySelector("[data-signals-of]")!.GetAttribute("data-signals-of")!);
        var meetingId = Guid.Parse(path.Split('/')[^1]);

        await using var listener = new HubConnectionBuilder().WithUrl(new Uri(Server.BaseAddress, MeetingHub.Path), o => o.Cookies = founder.Cookies).Build();
        var heard = new TaskCompletionSource<(Guid, Guid, Dictionary<string, int>)>();
        listener.On<Guid, Guid, Dictionary<string, int>>(MeetingUpdates.SignalsMessage, (meeting, item, counts) => heard.TrySetResult((meeting, item, counts)));
        await listener.StartAsync();
        await listener.InvokeAsync("Watch", meetingId);

        await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='CheckIn']");
        await members[0].SubmitAsync(await members[0].GetAsync(path), "form[action*='Signal']", Fields(("signal", "Block")));
        var (heardMeeting, heardItem, counts) = await heard.Task.WaitAsync(Patience);
        Assert.Equal((meetingId, itemId), (heardMeeting, heardItem));
        Assert.Equal(new Dictionary<string, int> { ["Block"] = 1 }, counts);
    }
}
