using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Plenum.Discussions;

/// <summary>
/// Turns a post's Markdown into HTML that is safe to show: Markdig never passes raw HTML through, and
/// the sanitizer then removes anything a Markdig bug or extension might still let out. Links leave
/// without referrer or ranking credit, and images from other hosts are dropped because Plenum makes
/// no third-party requests (a remote image would tell its host who read the post, and when).
/// </summary>
public sealed class MarkdownRenderer
{
    readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        // People write posts like messages: a line break should stay a line break.
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    // No class or style attributes: the page's CSP forbids inline styles and posts should not borrow the app's classes.
    readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
            "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "start" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
    });

    public RenderedPost Render(string markdown, MentionTargets? mentions = null)
    {
        var document = _sanitizer.SanitizeDom(Markdown.ToHtml(markdown, _pipeline));
        var body = document.Body!;
        DropImagesFromOtherHosts(body);
        foreach (var link in body.QuerySelectorAll("a")) link.SetAttribute("rel", "nofollow noopener noreferrer");
        DemoteHeadings(body);
        var mentioned = LinkMentions(body, mentions ?? MentionTargets.None);
        return new RenderedPost(new HtmlString(body.InnerHtml), mentioned);
    }

    static void DropImagesFromOtherHosts(IElement body)
    {
        foreach (var image in body.QuerySelectorAll("img").ToList())
            if (!IsSameHost(image.GetAttribute("src") ?? ""))
                image.Replace(body.Owner!.CreateTextNode(image.GetAttribute("alt") ?? ""));
    }

    /// <summary>Only paths on this instance: no scheme, and not "//host" or "/\host", which browsers read as another host.</summary>
    internal static bool IsSameHost(string src)
    {
        src = src.Trim();
        if (src.Length == 0 || src.StartsWith("//", StringComparison.Ordinal) || src.StartsWith('\\') || src.StartsWith("/\\", StringComparison.Ordinal))
            return false;
        var colon = src.IndexOf(':');
        var slash = src.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    /// <summary>A post sits under the page's h1, a section's h2 and its author's h3, so "# Heading" becomes h4 and the outline stays sound.</summary>
    static void DemoteHeadings(IElement body)
    {
        foreach (var heading in body.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList())
        {
            var level = Math.Min(6, heading.LocalName[1] - '0' + 3);
            var demoted = body.Owner!.CreateElement($"h{level}");
            while (heading.FirstChild is { } child) demoted.AppendChild(child);
            heading.Replace(demoted);
        }
    }

    static HashSet<Guid> LinkMentions(IElement body, MentionTargets targets)
    {
        var mentioned = new HashSet<Guid>();
        if (targets.Members.Count == 0) return mentioned;
        var texts = body.Descendants<IText>()
            .Where(t => t.Ancestors<IElement>().All(e => e.LocalName is not ("a" or "code" or "pre"))).ToList();
        foreach (var text in texts)
        {
            var found = targets.FindIn(text.Data).ToList();
            if (found.Count == 0) continue;
            var pieces = new List<INode>();
            var position = 0;
            foreach (var (start, length, userId) in found)
            {
                if (start > position) pieces.Add(body.Owner!.CreateTextNode(text.Data[position..start]));
                var link = body.Owner!.CreateElement("a");
                link.SetAttribute("href", targets.LinkTo(userId));
                link.SetAttribute("class", "mention");
                link.TextContent = text.Data.Substring(start, length);
                pieces.Add(link);
                mentioned.Add(userId);
                position = start + length;
            }
            if (position < text.Data.Length) pieces.Add(body.Owner!.CreateTextNode(text.Data[position..]));
            text.Replace([.. pieces]);
        }
        return mentioned;
    }
}
