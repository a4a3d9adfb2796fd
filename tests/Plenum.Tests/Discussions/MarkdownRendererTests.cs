using Plenum.Discussions;

namespace Plenum.Tests.Discussions;

/// <summary>The renderer on its own: which images count as local, and how mentions are found.</summary>
public sealed class MarkdownRendererTests
{
    static readonly Guid Rosa = Guid.NewGuid(), RosaPark = Guid.NewGuid();
    static readonly MentionTargets Targets = new("crew", [("Rosa Park", RosaPark), ("Rosa", Rosa)]);

    [Theory]
    [InlineData("/img/a.png", true)]
    [InlineData("img/a.png", true)]
    [InlineData("/a.png?x=http://b", true)]
    [InlineData("https://tracker.example/a.png", false)]
    [InlineData("//tracker.example/a.png", false)]
    [InlineData("/\\tracker.example/a.png", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("", false)]
    public void Only_paths_on_this_instance_count_as_local_images(string src, bool local) =>
        Assert.Equal(local, MarkdownRenderer.IsSameHost(src));

    [Fact]
    public void The_longest_member_name_wins_and_addresses_are_not_mentions()
    {
        var rendered = new MarkdownRenderer().Render("@Rosa Park and @rosa, but not rosa@example.org or @Rosalind", Targets);
        Assert.Equal(new HashSet<Guid> { Rosa, RosaPark }, rendered.Mentioned.ToHashSet());
        Assert.Contains("<a href=\"/groups/crew/members#member-" + RosaPark + "\" class=\"mention\">@Rosa Park</a>", rendered.Html.Value);
        Assert.Contains("@Rosalind", rendered.Html.Value);
    }

    [Fact]
    public void Mentions_inside_code_and_links_stay_text()
    {
        var rendered = new MarkdownRenderer().Render("`@Rosa`\n\n    @Rosa\n\n[@Rosa](https://example.org)", Targets);
        Assert.Empty(rendered.Mentioned);
    }
}
