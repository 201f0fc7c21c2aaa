using SkiaSharp;
using TalentHub.Web.Domain;
using TalentHub.Web.Services.Reports;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>Photo cleaning: decoded not trusted, capped in bytes and pixels, re-encoded small and without metadata.</summary>
public sealed class ExamplePhotosTests
{
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.SeaGreen);
        using var image = surface.Snapshot();
        return image.Encode(format, 90).ToArray();
    }

    [Fact]
    public void APng_BecomesAJpeg_ScaledToTheLongestEdge()
    {
        var cleaned = ExamplePhotos.Clean(Encode(3200, 1600, SKEncodedImageFormat.Png));

        using var codec = SKCodec.Create(new MemoryStream(cleaned));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(ExamplePhotos.MaxEdge, codec.Info.Width);
        Assert.Equal(ExamplePhotos.MaxEdge / 2, codec.Info.Height);
    }

    [Fact]
    public void ExifIsGone()
    {
        var jpeg = Encode(64, 48, SKEncodedImageFormat.Jpeg);
        var payload = "Exif\0\0II*\0\b\0\0\0\0\0\0\0\0\0GPS-SECRET-PLACE"u8.ToArray();
        byte[] app1 = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
        byte[] withExif = [.. jpeg[..2], .. app1, .. jpeg[2..]];

        var cleaned = ExamplePhotos.Clean(withExif);

        Assert.True(withExif.AsSpan().IndexOf("GPS-SECRET-PLACE"u8) >= 0);
        Assert.True(cleaned.AsSpan().IndexOf("GPS-SECRET-PLACE"u8) < 0);
        Assert.True(cleaned.AsSpan().IndexOf("Exif"u8) < 0);
    }

    [Fact]
    public void NotAnImage_TooLarge_AndEmpty_AreRefused()
    {
        Assert.Equal("Example.PhotoNotImage", Assert.Throws<DomainException>(() => ExamplePhotos.Clean("GIF89a but not really"u8.ToArray())).MessageKey);
        Assert.Equal("Example.PhotoNotImage", Assert.Throws<DomainException>(() => ExamplePhotos.Clean(Encode(10, 10, SKEncodedImageFormat.Jpeg)[..40])).MessageKey);
        Assert.Equal("Example.PhotoTooLarge", Assert.Throws<DomainException>(() => ExamplePhotos.Clean(new byte[ExamplePhotos.MaxBytes + 1])).MessageKey);
        Assert.Equal("Upload.Empty", Assert.Throws<DomainException>(() => ExamplePhotos.Clean([])).MessageKey);
    }
}
