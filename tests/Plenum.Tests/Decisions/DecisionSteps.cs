using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Decisions;

/// <summary>Steps decision tests share, through the web pages: a group under a rulebook, a choice opened, ballots ranked.</summary>
public sealed class DecisionSteps(PlenumServer server)
{
    public static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A group with a founder (coordinator) and members, under the given rulebook template.</summary>
    public Task<(string Slug, WebSession Founder, WebSession[] Members)> GroupAsync(string name, string template, int members) =>
        server.NewAssemblyAsync(name, members, template);

    public async Task<string> ProposeChoiceAsync(WebSession who, string slug, string title, string type, string options, int seats = 1, int maxChoices = 1, string classKey = "general", bool secret = false)
    {
        var fields = Fields(
            ("ClassKey", classKey), ("Type", type), ("Title", title), ("Text", "Which one?"), ("Options", options),
            ("Seats", seats.ToString()), ("MaxChoices", maxChoices.ToString()),
            ("ClosesAt", server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm")));
        if (secret) fields["Secret"] = "true";
        var opened = await who.SubmitAsync(await who.GetAsync($"/groups/{slug}/decisions/new"), null, fields);
        Assert.True(opened.Path.Contains("/decisions/") && !opened.Path.EndsWith("/new"), opened.Text);
        return opened.Path;
    }

    /// <summary>Ranks the options: ranksByOption[i] is option i's rank, 0 for unranked.</summary>
    public static async Task RankAsync(WebSession who, string path, params int[] ranksByOption)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < ranksByOption.Length; i++) fields[$"Ranks[{i}]"] = ranksByOption[i] == 0 ? "" : ranksByOption[i].ToString();
        var page = await who.SubmitAsync(await who.GetAsync(path), "form[action*='Vote']", fields);
        Assert.Contains("Your vote is recorded", page.Text);
    }
}
