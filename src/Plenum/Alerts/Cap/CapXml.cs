using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Plenum.Alerts.Cap;

/// <summary>
/// Writes a <see cref="CapMessage"/> as a CAP 1.2 &lt;alert&gt; document and checks documents against the
/// official schema. Write refuses (ArgumentException) what CAP forbids rather than silently changing it:
/// an identifier or sender with a space, comma, "&lt;" or "&amp;" (a rewritten identifier could collide with
/// another alert's, and references would no longer match); an Update, Cancel, Ack or Error without
/// references; a blank event, area or restriction; a language that is no language tag; a web address
/// that is not a full http(s) address. Free text may hold anything: markup is escaped, and only the
/// characters XML cannot carry at all (control characters) are dropped.
/// </summary>
public static partial class CapXml
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>Plenum's alerts are about people's safety (raids, evictions, attacks), CAP's "Safety" category.</summary>
    const string Category = "Safety";

    static readonly XNamespace Cap = Namespace;

    /// <summary>The &lt;alert&gt; document for the message.</summary>
    public static XDocument Write(CapMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Info);
        ArgumentNullException.ThrowIfNull(message.References);
        CheckIdentifier(message.Identifier, "identifier");
        CheckIdentifier(message.Sender, "sender");
        CheckRequired(message.Restriction, "restriction");
        if (message.MsgType is not CapMsgType.Alert && message.References.Count == 0)
            throw new ArgumentException($"A CAP {message.MsgType} must reference the message it is about.", nameof(message));
        foreach (var reference in message.References)
        {
            CheckIdentifier(reference.Sender, "referenced sender");
            CheckIdentifier(reference.Identifier, "referenced identifier");
        }

        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", message.Identifier),
            new XElement(Cap + "sender", message.Sender),
            new XElement(Cap + "sent", CapTime.Format(message.Sent)),
            new XElement(Cap + "status", Spelling(message.Status)),
            new XElement(Cap + "msgType", Spelling(message.MsgType)),
            new XElement(Cap + "scope", "Restricted"),
            new XElement(Cap + "restriction", Text(message.Restriction)),
            Optional("note", message.Note),
            message.References.Count == 0 ? null : new XElement(Cap + "references", References(message.References)),
            Info(message.Info));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), alert);
    }

    /// <summary>Schema errors (and warnings) for the document; empty when it is valid CAP 1.2.</summary>
    public static IReadOnlyList<string> Validate(XDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return CapSchema.Problems(doc);
    }

    static XElement Info(CapInfo info)
    {
        ArgumentNullException.ThrowIfNull(info.Responses);
        CheckRequired(info.Event, "event");
        CheckRequired(info.AreaDesc, "area description");
        if (info.Language is null || !LanguageTag().IsMatch(info.Language))
            throw new ArgumentException($"The language \"{info.Language}\" is not a language tag such as en or de-CH.", nameof(info));
        if (!string.IsNullOrWhiteSpace(info.Web) && !(Uri.TryCreate(info.Web, UriKind.Absolute, out var web) && web.Scheme is "https" or "http"))
            throw new ArgumentException($"The web address \"{info.Web}\" must be a full address such as https://example.org/alert.", nameof(info));

        // The order is the schema's sequence, not a matter of taste.
        return new XElement(Cap + "info",
            new XElement(Cap + "language", info.Language),
            new XElement(Cap + "category", Category),
            new XElement(Cap + "event", Text(info.Event)),
            info.Responses.Select(response => new XElement(Cap + "responseType", Spelling(response))),
            new XElement(Cap + "urgency", Spelling(info.Urgency)),
            new XElement(Cap + "severity", Spelling(info.Severity)),
            new XElement(Cap + "certainty", Spelling(info.Certainty)),
            Optional("headline", info.Headline),
            Optional("description", info.Description),
            Optional("instruction", info.Instruction),
            Optional("web", info.Web),
            new XElement(Cap + "area", new XElement(Cap + "areaDesc", Text(info.AreaDesc))));
    }

    /// <summary>CAP's "sender,identifier,sent" triples, separated by single spaces.</summary>
    static string References(IEnumerable<CapReference> references) =>
        string.Join(' ', references.Select(r => $"{r.Sender},{r.Identifier},{CapTime.Format(r.Sent)}"));

    static XElement? Optional(string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new XElement(Cap + name, Text(text));

    /// <summary>The enum's name is CAP's spelling; a value outside the enum has none.</summary>
    static string Spelling<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString() : throw new ArgumentException($"{value} is not a CAP {typeof(T).Name} value.");

    static void CheckIdentifier(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException($"The CAP {what} is empty.");
        if (value.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&') || Text(value) != value)
            throw new ArgumentException($"The CAP {what} \"{value}\" may not contain spaces, commas, \"<\", \"&\" or control characters.");
    }

    static void CheckRequired(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"The CAP {what} is empty.");
    }

    /// <summary>The text without the characters XML 1.0 cannot carry; everything else is escaped on output.</summary>
    static string Text(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }

    /// <summary>xs:language, the schema's type for &lt;language&gt;.</summary>
    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
