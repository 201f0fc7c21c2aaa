using System.Text;
using QRCoder;

namespace TalentHub.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The otpauth URI an authenticator app reads (Google Authenticator key-URI format) and its QR code.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "TalentHub";

    /// <summary>otpauth://totp/TalentHub:label?secret=KEY&amp;issuer=TalentHub&amp;digits=6 (SHA-1, 30-second period: the defaults).</summary>
    public static string UriFor(string label, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(label)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code of <paramref name="uri"/> as a PNG data URI (allowed by the CSP's img-src data:).</summary>
    public static string QrDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    /// <summary>The key in groups of four, lower case, for typing it into the app by hand.</summary>
    public static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
