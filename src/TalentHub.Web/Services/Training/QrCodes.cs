using QRCoder;

namespace TalentHub.Web.Services.Training;

/// <summary>QR codes as inline SVG (QRCoder, no native dependency), for the check-in view and the certificate.</summary>
public static class QrCodes
{
    /// <summary>An SVG of <paramref name="text"/> (error correction M) that scales to its container.</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
