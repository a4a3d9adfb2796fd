using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Plenum.Alerts.Cap;

/// <summary>The official OASIS CAP 1.2 schema, embedded in the assembly and compiled once.</summary>
static class CapSchema
{
    const string ResourceName = "Plenum.Alerts.Cap.cap-1.2.xsd";

    static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    static XmlSchemaSet Load()
    {
        using var stream = typeof(CapSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(CapXml.Namespace, reader);
        set.Compile();
        return set;
    }

    /// <summary>
    /// Every schema problem in the document. The root is checked first: the validator only reports
    /// errors for elements it has a schema for, so an &lt;alert&gt; in another namespace would pass unseen.
    /// </summary>
    public static IReadOnlyList<string> Problems(XDocument doc)
    {
        var alert = XName.Get("alert", CapXml.Namespace);
        if (doc.Root?.Name != alert)
            return [$"The root element is {doc.Root?.Name.ToString() ?? "missing"}, not {alert}."];
        var problems = new List<string>();
        doc.Validate(Schemas.Value, (_, e) => problems.Add(e.Message));
        return problems;
    }
}
