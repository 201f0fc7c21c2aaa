using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Services.Reports;

namespace TalentHub.Web.Data;

public static partial class SeedData
{
    /// <summary>
    /// Two approved typical examples (an Anji returning entrepreneur, a Wuxing cooperative), proposed by the county
    /// officer and approved by the city officer on the 10th of last month, so last month's dispatch report holds them.
    /// </summary>
    private static async Task SeedExamplesAsync(IServiceProvider sp, TalentHubDbContext db)
    {
        if (await db.Examples.IgnoreQueryFilters().AnyAsync()) return;
        var today = ReportPeriod.DayOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var approved = ReportPeriod.Midnight(new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(9)).AddHours(10);
        var person = await db.People.IgnoreQueryFilters().Where(p => p.CountyCode == "330523000000"
                && p.Categories.Any(c => c.Category == TalentCategory.ReturningEntrepreneur)).OrderBy(p => p.Id).FirstOrDefaultAsync();
        var entity = await db.BusinessEntities.IgnoreQueryFilters().Where(e => e.CountyCode == "330502000000"
                && e.Type == EntityType.Cooperative && e.Status == EntityStatus.Approved).OrderBy(e => e.Id).FirstOrDefaultAsync();
        if (person is not null)
            Add(ExampleSubject.Person, person.Id, person.RegionCode, person.CountyCode, "anji.officer",
                "返乡创办白茶合作基地，带动农户增收", "从杭州返乡后参加高素质农民培训，学习白茶种植与电商直播，创办白茶基地，带动周边农户标准化种植，户均年增收两万余元。",
                new SKColor(0x2e, 0x7d, 0x32));
        if (entity is not null)
            Add(ExampleSubject.Entity, entity.Id, entity.RegionCode, entity.CountyCode, "wuxing.officer",
                "合作社统一服务，粮油种植提质增效", "合作社组织社员参加农机和粮油种植培训，推行统一育秧、统一机收，亩均节本增效三百余元，被评为市级示范社。",
                new SKColor(0xf9, 0xa8, 0x25));
        await db.SaveChangesAsync();

        void Add(ExampleSubject kind, int id, string region, string county, string by, string title, string story, SKColor colour)
        {
            var example = TypicalExample.Propose(kind, id, region, county, title, story, DemoPhoto(colour), by, approved.AddDays(-3));
            example.Approve("city.officer", approved);
            db.Examples.Add(example);
        }
    }

    /// <summary>A plain generated picture (fields and sky) standing in for a photo, cleaned like an upload.</summary>
    private static byte[] DemoPhoto(SKColor field)
    {
        using var surface = SKSurface.Create(new SKImageInfo(800, 600));
        surface.Canvas.Clear(new SKColor(0xbb, 0xde, 0xfb));
        using var paint = new SKPaint { Color = field, IsAntialias = true };
        surface.Canvas.DrawRect(0, 330, 800, 270, paint);
        paint.Color = new SKColor(0xff, 0xeb, 0x3b);
        surface.Canvas.DrawCircle(640, 120, 60, paint);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return ExamplePhotos.Clean(png.ToArray());
    }
}
