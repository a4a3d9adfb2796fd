using System.Security.Cryptography;
using Plenum.Privacy;

namespace Plenum.Alerts;

/// <summary>The link a reporter without an account follows their report by. Only its keyed hash is stored.</summary>
public static class ReportFollowLinks
{
    const string Prefix = "rep_";

    public static string NewSecret() => Prefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(FieldEncryption encryption, string secret) => encryption.LookupHash("alert-report-follow:" + secret);

    public static string Path(string secret) => $"/alerts/report/{secret}";
}
