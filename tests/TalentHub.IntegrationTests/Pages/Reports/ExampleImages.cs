using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>Test pictures: a JPEG carrying an EXIF block with a GPS entry and a readable location marker.</summary>
internal static class ExampleImages
{
    /// <summary>Text inside the EXIF block that must not survive cleaning.</summary>
    public const string GpsMarker = "GPS-LOCATION-30.63N-119.68E";

    public static byte[] JpegWithGps(int width = 320, int height = 240)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(0x33, 0x99, 0x66));
        using var image = surface.Snapshot();
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();

        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(Le32(8));
        tiff.AddRange(Le16(1)); tiff.AddRange(Entry(0x8825, 4, 1, Le32(26))); tiff.AddRange(Le32(0)); // IFD0 → GPS IFD at 26
        tiff.AddRange(Le16(1)); tiff.AddRange(Entry(0x0001, 2, 2, "N\0\0\0"u8.ToArray())); tiff.AddRange(Le32(0)); // GPSLatitudeRef
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).Concat(Encoding.ASCII.GetBytes(GpsMarker)).ToArray();
        var app1 = new byte[] { 0xFF, 0xE1 }.Concat(Be16(payload.Length + 2)).Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    public static bool Contains(byte[] haystack, string ascii) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;

    private static byte[] Entry(ushort tag, ushort type, uint count, byte[] value) => [.. Le16(tag), .. Le16(type), .. Le32(count), .. value];

    private static byte[] Le16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); return b; }

    private static byte[] Le32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }

    private static byte[] Be16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); return b; }
}
