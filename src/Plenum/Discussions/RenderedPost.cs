using Microsoft.AspNetCore.Html;

namespace Plenum.Discussions;

/// <summary>A post's body as safe HTML, and the members it mentions.</summary>
public sealed record RenderedPost(HtmlString Html, IReadOnlySet<Guid> Mentioned);
