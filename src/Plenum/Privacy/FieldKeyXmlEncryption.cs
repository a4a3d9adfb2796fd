using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Plenum.Privacy;

/// <summary>
/// Protects ASP.NET's data-protection key ring (which signs cookies and antiforgery tokens) at rest
/// with the same file-held key as sensitive fields, so the key folder alone does not yield usable keys.
/// </summary>
public sealed class FieldKeyXmlEncryptor(FieldEncryption encryption) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("encryptedKey", encryption.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting))),
        typeof(FieldKeyXmlDecryptor));
}

public sealed class FieldKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<FieldEncryption>().Decrypt(encryptedElement.Value));
}
