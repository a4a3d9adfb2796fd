using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plenum.Alerts;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Alerts;

/// <summary>Steps of the rapid response desk, each through the pages the people use.</summary>
public sealed class AlertDeskSteps(PlenumServer server)
{
    public static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);
    public static string Desk(string slug) => $"/groups/{slug}/alerts";

    /// <summary>
    /// A group whose coordinator started a network (zones North and South) on the settings page; member 0 is a
    /// verifier, member 1 a responder on call in North now, member 2 a member without duties.
    /// </summary>
    public async Task<(string Slug, WebSession Coordinator, WebSession Verifier, WebSession Responder, WebSession Member)> NetworkAsync(string name)
    {
        var (slug, coordinator, members) = await server.NewAssemblyAsync(name, 3);
        var settings = await coordinator.GetAsync($"{Desk(slug)}/settings");
        Assert.Contains("The network is started", (await coordinator.SubmitAsync(settings, "form[action*='Start']", Fields(("zones", "North\nSouth")))).Text);
        await DutyAsync(coordinator, slug, $"{name}-member-0", "Verifier");
        await DutyAsync(coordinator, slug, $"{name}-member-1", "Responder");
        var responder = await UserIdAsync($"{name}-member-1");
        using var scope = server.App.Services.CreateScope();
        var now = server.Clock.GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<AlertRoster>().AddShiftAsync(await GroupIdAsync(slug), responder, await ZoneAsync(slug, "North"), null,
            now.AddHours(-1), now.AddHours(8));
        return (slug, coordinator, members[0], members[1], members[2]);
    }

    public async Task DutyAsync(WebSession coordinator, string slug, string pseudonym, string duty)
    {
        var settings = await coordinator.GetAsync($"{Desk(slug)}/settings");
        var id = await UserIdAsync(pseudonym);
        var saved = await coordinator.SubmitAsync(settings, $"form[action*='member={id}']", Fields(("duties", duty)));
        Assert.Contains("The duties are saved", saved.Text);
    }

    /// <summary>A phone report taken on the intake page; the incident page it lands on.</summary>
    public async Task<WebSession.Page> IntakeAsync(WebSession dispatcher, string slug, string what, string zone = "North", bool exercise = false,
        string? replyContact = null, Guid? sameAs = null)
    {
        var form = await dispatcher.GetAsync($"{Desk(slug)}/intake");
        var fields = Fields(("Form.ZoneId", (await ZoneAsync(slug, zone)).ToString()), ("Form.What", what), ("Form.Where", "Corner of Elm St and 3rd"),
            ("Form.HowMany", "12"), ("Form.Needed", "legal observers"), ("Form.ReplyContact", replyContact ?? ""), ("Form.SameIncidentId", sameAs?.ToString() ?? ""));
        if (exercise) fields["Form.Exercise"] = "true";
        return await dispatcher.SubmitAsync(form, null, fields);
    }

    public static Guid IncidentOf(WebSession.Page page) => Guid.Parse(page.Path.Split('/').Last());

    public async Task<WebSession.Page> VerifyAsync(WebSession verifier, string incidentPath, bool confirms = true)
    {
        var page = await verifier.GetAsync(incidentPath);
        return await verifier.SubmitAsync(page, "form[action*='Verify']", Fields(("confirms", confirms ? "true" : "false"), ("method", "CalledReporter"), ("note", "Called back, seen")));
    }

    public Task<Guid> UserIdAsync(string pseudonym) => server.WithDbAsync(db => db.Users.Where(u => u.UserName == pseudonym).Select(u => u.Id).SingleAsync());
    public Task<Guid> GroupIdAsync(string slug) => server.WithDbAsync(db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync());
    public async Task<Guid> ZoneAsync(string slug, string zone)
    {
        var group = await GroupIdAsync(slug);
        return await server.WithDbAsync(db => db.AlertZones.Where(z => z.GroupId == group && z.Name == zone).Select(z => z.Id).SingleAsync());
    }
}
