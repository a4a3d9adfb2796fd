using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Plenum.Notifications.Push;

namespace Plenum.Tests.Notifications;

public sealed class PushEncryptionTests
{
    static byte[] Bytes(string base64Url) => Base64Url.DecodeFromChars(base64Url);

    /// <summary>RFC 8291, Appendix A: with its sender key and salt, the message must come out byte for byte.</summary>
    [Fact]
    public void The_worked_example_of_RFC_8291_comes_out_exactly()
    {
        var senderPublic = Bytes("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = Bytes("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"),
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..] },
        });
        var body = PushEncryption.Encrypt(Encoding.ASCII.GetBytes("When I grow up, I want to be a watermelon"),
            Bytes("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
            Bytes("BTBZMqHH6r4Tts7J_aSIgg"), sender, Bytes("DGv6ra1nlYgDCS1FRnbzlw"));
        Assert.Equal("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
            Base64Url.EncodeToString(body));
    }

    [Fact]
    public void A_message_too_long_for_one_push_is_refused()
    {
        using var browser = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = browser.ExportParameters(false).Q;
        Assert.Throws<ArgumentException>(() => PushEncryption.Encrypt(new byte[PushEncryption.MaxPlaintext + 1], [0x04, .. point.X!, .. point.Y!], new byte[16]));
    }
}
