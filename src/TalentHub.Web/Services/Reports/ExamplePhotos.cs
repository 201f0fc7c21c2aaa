using SkiaSharp;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// Cleans a typical example's uploaded photo: at most <see cref="MaxBytes"/>, and only what decodes as a JPEG, PNG or
/// WebP image (the bytes are decoded, never trusted by name or content type) of at most <see cref="MaxSourcePixels"/>.
/// The result is re-encoded as a new JPEG, at most <see cref="MaxEdge"/> pixels on its longer side, turned upright by
/// its EXIF orientation; re-encoding writes no metadata, so EXIF (GPS location, camera, time) is gone.
/// </summary>
public static class ExamplePhotos
{
    /// <summary>Upload cap: 5 MiB.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;
    /// <summary>
    /// The request (form and file) the proposal page still reads: 40 MiB, so a phone photo over <see cref="MaxBytes"/>
    /// (often 6–20 MB) reaches the page and is refused next to its field with the typed text kept, instead of a bare
    /// 400 from the server's body limit (review14); the page refuses it by its length without reading it. A larger post is
    /// refused before the form is read (<see cref="Infrastructure.UploadLimitAttribute"/>): the form again, with the size message.
    /// </summary>
    public const int RequestCeilingBytes = 40 * 1024 * 1024;
    /// <summary>Largest accepted source image: 40 megapixels (guards memory against decompression bombs).</summary>
    public const long MaxSourcePixels = 40_000_000;
    /// <summary>Longer side of the stored photo, in pixels.</summary>
    public const int MaxEdge = 1600;
    /// <summary>JPEG quality of the stored photo (0–100).</summary>
    public const int Quality = 85;

    /// <summary>The cleaned JPEG; a <see cref="DomainException"/> on the field "Photo" when the upload is refused.</summary>
    public static byte[] Clean(byte[] upload)
    {
        if (upload.Length == 0) throw new DomainException("Upload.Empty", "Photo");
        if (upload.Length > MaxBytes) throw new DomainException("Example.PhotoTooLarge", "Photo", MaxBytes / 1024 / 1024);
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new DomainException("Example.PhotoNotImage", "Photo");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            throw new DomainException("Example.PhotoNotImage", "Photo");
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0 || (long)w * h > MaxSourcePixels) throw new DomainException("Example.PhotoNotImage", "Photo");
        using var decoded = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) throw new DomainException("Example.PhotoNotImage", "Photo");
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxEdge / Math.Max(upright.Width, upright.Height));
        var size = new SKImageInfo(Math.Max(1, (int)(upright.Width * scale)), Math.Max(1, (int)(upright.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(size);
        surface.Canvas.Clear(SKColors.White); // transparent PNG areas become white in the JPEG
        using var image = SKImage.FromBitmap(upright);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, size.Width, size.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg.ToArray();
    }

    /// <summary>The bitmap turned by its EXIF orientation (the tag itself is not kept).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); canvas.Scale(1, -1, 0, source.Height / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
