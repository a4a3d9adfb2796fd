using System.Xml.Linq;
using Plenum.Alerts.Cap;

namespace Plenum.Tests.Alerts;

/// <summary>
/// CAP 1.2 export: every kind of message Plenum sends is valid against the official OASIS schema, with
/// CAP's exact spellings, date-times and references; the validator itself rejects broken documents, and
/// what CAP forbids is refused with a clear ArgumentException.
/// </summary>
public sealed class CapXmlTests
{
    static readonly XNamespace Cap = CapXml.Namespace;
    static readonly DateTimeOffset Sent = new(2026, 11, 22, 14, 5, 0, TimeSpan.FromHours(1));

    static CapInfo Info(params CapResponseType[] responses) => new(
        "Eviction in progress", responses, CapUrgency.Immediate, CapSeverity.Severe, CapCertainty.Observed,
        "Bailiffs at Lindenstraße 12", "Police and bailiffs are at the door.", "Come to the front entrance, stay calm.",
        "https://plenum.example/alerts/42", "Lindenstraße 12, Hinterhaus");

    static CapMessage Message(CapMsgType type = CapMsgType.Alert, CapStatus status = CapStatus.Actual, CapInfo? info = null,
        params CapReference[] references) => new(
        "plenum-alert-42", "alerts@plenum.example", Sent, status, type, "Responders of the Nordstadt tenants network",
        null, references, info ?? Info(CapResponseType.Execute, CapResponseType.Monitor));

    static readonly CapReference Original = new("alerts@plenum.example", "plenum-alert-41", Sent.AddMinutes(-30));

    /// <summary>Valid both as built and as a reader receives it: serialized to text and parsed again.</summary>
    static XDocument AssertValid(XDocument doc)
    {
        Assert.Empty(CapXml.Validate(doc));
        var received = XDocument.Parse(doc.ToString());
        Assert.Empty(CapXml.Validate(received));
        return received;
    }

    static string Value(XDocument doc, string name) =>
        doc.Descendants(Cap + name).Single().Value;

    [Fact]
    public void An_actual_alert_is_valid_CAP_with_CAPs_own_spellings_in_the_schemas_order()
    {
        var doc = AssertValid(CapXml.Write(Message()));

        var alert = doc.Root!;
        Assert.Equal(Cap + "alert", alert.Name);
        Assert.Equal(["identifier", "sender", "sent", "status", "msgType", "scope", "restriction", "info"],
            alert.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("plenum-alert-42", Value(doc, "identifier"));
        Assert.Equal("alerts@plenum.example", Value(doc, "sender"));
        Assert.Equal("2026-11-22T14:05:00+01:00", Value(doc, "sent"));
        Assert.Equal("Actual", Value(doc, "status"));
        Assert.Equal("Alert", Value(doc, "msgType"));
        Assert.Equal("Restricted", Value(doc, "scope"));
        Assert.Equal("Responders of the Nordstadt tenants network", Value(doc, "restriction"));
        Assert.Empty(doc.Descendants(Cap + "references"));
        Assert.Empty(doc.Descendants(Cap + "note"));

        var info = alert.Element(Cap + "info")!;
        Assert.Equal(["language", "category", "event", "responseType", "responseType", "urgency", "severity", "certainty",
            "headline", "description", "instruction", "web", "area"], info.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("en", Value(doc, "language"));
        Assert.Equal("Safety", Value(doc, "category"));
        Assert.Equal(["Execute", "Monitor"], info.Elements(Cap + "responseType").Select(e => e.Value));
        Assert.Equal("Immediate", Value(doc, "urgency"));
        Assert.Equal("Severe", Value(doc, "severity"));
        Assert.Equal("Observed", Value(doc, "certainty"));
        Assert.Equal("Lindenstraße 12, Hinterhaus", Value(doc, "areaDesc"));
    }

    [Fact]
    public void An_exercise_alert_says_Exercise_and_keeps_its_note()
    {
        var message = Message(status: CapStatus.Exercise) with { Note = "Drill: nobody needs to come." };

        var doc = AssertValid(CapXml.Write(message));

        Assert.Equal("Exercise", Value(doc, "status"));
        Assert.Equal("Drill: nobody needs to come.", Value(doc, "note"));
    }

    [Fact]
    public void An_update_names_the_originals_as_sender_identifier_sent_triples_separated_by_single_spaces()
    {
        var utcOriginal = new CapReference("alerts@plenum.example", "plenum-alert-40", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

        var doc = AssertValid(CapXml.Write(Message(CapMsgType.Update, references: [utcOriginal, Original])));

        Assert.Equal("Update", Value(doc, "msgType"));
        Assert.Equal("alerts@plenum.example,plenum-alert-40,2026-11-22T12:00:00-00:00 alerts@plenum.example,plenum-alert-41,2026-11-22T13:35:00+01:00",
            Value(doc, "references"));
    }

    [Fact]
    public void A_cancel_references_the_alert_it_withdraws()
    {
        var doc = AssertValid(CapXml.Write(Message(CapMsgType.Cancel, references: Original) with { Note = "Sent by mistake." }));

        Assert.Equal("Cancel", Value(doc, "msgType"));
        Assert.Equal("alerts@plenum.example,plenum-alert-41,2026-11-22T13:35:00+01:00", Value(doc, "references"));
        Assert.Equal(["note", "references"],
            doc.Root!.Elements().Select(e => e.Name.LocalName).Where(n => n is "note" or "references"));
    }

    [Fact]
    public void An_all_clear_update_says_AllClear()
    {
        var allClear = Info(CapResponseType.AllClear) with
        {
            Urgency = CapUrgency.Past, Severity = CapSeverity.Minor, Headline = "Bailiffs left, all clear",
            Description = null, Instruction = null, Web = null,
        };

        var doc = AssertValid(CapXml.Write(Message(CapMsgType.Update, info: allClear, references: Original)));

        Assert.Equal("AllClear", Value(doc, "responseType"));
        Assert.Equal("Past", Value(doc, "urgency"));
        Assert.Empty(doc.Descendants(Cap + "description"));
        Assert.Empty(doc.Descendants(Cap + "instruction"));
        Assert.Empty(doc.Descendants(Cap + "web"));
    }

    [Fact]
    public void Markup_and_any_script_in_the_text_are_escaped_and_read_back_unchanged()
    {
        const string headline = "Räumung <b>jetzt</b> & \"sofort\" — ¡Desalojo! 立ち退き 🚨";
        const string description = "<script>alert(1)</script> ]]> &amp; <!-- not a comment -->";
        var info = Info(CapResponseType.Execute) with { Headline = headline, Description = description, Language = "de-DE" };

        var written = CapXml.Write(Message(info: info));
        var text = written.ToString();
        var doc = AssertValid(written);

        Assert.Contains("Räumung &lt;b&gt;jetzt&lt;/b&gt; &amp;", text);
        Assert.Contains("&lt;script&gt;", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("<b>", text);
        Assert.Equal(headline, Value(doc, "headline"));
        Assert.Equal(description, Value(doc, "description"));
        Assert.Equal("de-DE", Value(doc, "language"));
    }

    [Fact]
    public void Control_characters_XML_cannot_carry_are_dropped_from_text()
    {
        var info = Info(CapResponseType.Execute) with { Description = "Bell\u0007 rings\u0000" };

        var doc = AssertValid(CapXml.Write(Message(info: info)));

        Assert.Equal("Bell rings", Value(doc, "description"));
    }

    [Theory]
    [InlineData(0, 0, "2026-11-22T14:05:00-00:00")]
    [InlineData(2, 0, "2026-11-22T14:05:00+02:00")]
    [InlineData(-5, 0, "2026-11-22T14:05:00-05:00")]
    [InlineData(5, 30, "2026-11-22T14:05:00+05:30")]
    [InlineData(-9, -30, "2026-11-22T14:05:00-09:30")]
    public void Times_keep_their_offset_write_UTC_as_minus_zero_and_drop_fractions_of_a_second(int hours, int minutes, string expected)
    {
        var sent = new DateTimeOffset(2026, 11, 22, 14, 5, 0, new TimeSpan(hours, minutes, 0)).AddTicks(1_234_567);

        var doc = AssertValid(CapXml.Write(Message() with { Sent = sent }));

        Assert.Equal(expected, Value(doc, "sent"));
    }

    [Theory]
    [InlineData(CapMsgType.Update)]
    [InlineData(CapMsgType.Cancel)]
    [InlineData(CapMsgType.Ack)]
    [InlineData(CapMsgType.Error)]
    public void A_message_about_earlier_messages_without_references_is_refused(CapMsgType type)
    {
        var refused = Assert.Throws<ArgumentException>(() => CapXml.Write(Message(type)));
        Assert.Contains("reference", refused.Message);
    }

    [Theory]
    [InlineData("alert 42")]
    [InlineData("alert,42")]
    [InlineData("alert<42")]
    [InlineData("alert&42")]
    [InlineData("alert\t42")]
    [InlineData("")]
    public void An_identifier_or_sender_CAP_forbids_is_refused_not_rewritten(string bad)
    {
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message() with { Identifier = bad }));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message() with { Sender = bad }));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(CapMsgType.Update, references: Original with { Identifier = bad })));
    }

    [Fact]
    public void Blank_required_text_a_bad_language_a_relative_web_address_or_an_unknown_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message() with { Restriction = " " }));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(info: Info() with { Event = "" })));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(info: Info() with { AreaDesc = "" })));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(info: Info() with { Language = "English please" })));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(info: Info() with { Web = "/alerts/42" })));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(status: (CapStatus)42)));
        Assert.Throws<ArgumentException>(() => CapXml.Write(Message(info: Info((CapResponseType)42))));
    }

    [Fact]
    public void The_validator_rejects_elements_out_of_the_schemas_order()
    {
        var doc = CapXml.Write(Message());
        var sender = doc.Root!.Element(Cap + "sender")!;
        sender.Remove();
        doc.Root.AddFirst(sender);

        Assert.NotEmpty(CapXml.Validate(doc));
    }

    [Theory]
    [InlineData("status", "actual")]
    [InlineData("msgType", "Alarm")]
    [InlineData("scope", "Network")]
    [InlineData("responseType", "All Clear")]
    [InlineData("urgency", "Now")]
    [InlineData("category", "Eviction")]
    [InlineData("sent", "2026-11-22T13:05:00Z")]
    [InlineData("sent", "2026-11-22T14:05:00.5+01:00")]
    [InlineData("sent", "22.11.2026 14:05")]
    public void The_validator_rejects_values_CAP_does_not_know(string element, string value)
    {
        var doc = CapXml.Write(Message());
        doc.Descendants(Cap + element).First().Value = value;

        Assert.NotEmpty(CapXml.Validate(doc));
    }

    [Fact]
    public void The_validator_rejects_a_missing_required_element_and_an_alert_outside_the_CAP_namespace()
    {
        var withoutScope = CapXml.Write(Message());
        withoutScope.Descendants(Cap + "scope").Single().Remove();
        Assert.NotEmpty(CapXml.Validate(withoutScope));

        var elsewhere = XDocument.Parse(CapXml.Write(Message()).ToString().Replace(CapXml.Namespace, "urn:oasis:names:tc:emergency:cap:1.1"));
        Assert.NotEmpty(CapXml.Validate(elsewhere));
    }
}
