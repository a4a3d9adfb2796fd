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
    /// Every schema problem in the document. Warnings count too: an element the schema does not know
    /// (for example an &lt;alert&gt; in another namespace) is only a warning, yet no CAP reader would take it.
    /// </summary>
    public static IReadOnlyList<string> Problems(XDocument doc)
    {
        var problems = new List<string>();
        doc.Validate(Schemas.Value, (_, e) => problems.Add(e.Severity == XmlSeverityType.Warning ? $"Warning: {e.Message}" : e.Message));
        return problems;
    }
}
