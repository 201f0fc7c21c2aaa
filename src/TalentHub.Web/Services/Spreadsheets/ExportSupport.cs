using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Links to an export with the list's filters, e.g. <c>ExportLinks.Url("/People/Export", Filter.ToQuery(), "xlsx")</c>.</summary>
public static class ExportLinks
{
    /// <summary>
    /// <paramref name="path"/> with the non-empty filter values and <c>format</c> (<c>xlsx</c> or <c>csv</c>) as its query string.
    /// </summary>
    public static string Url(string path, IReadOnlyDictionary<string, string?> filter, string format) =>
        PageLinks.To(path, filter.Where(kv => kv.Key != "format").Append(new("format", format)));

    /// <summary>The list page's own export handler (<c>?handler=Export</c>) at <paramref name="path"/>, with its filters and <paramref name="format"/>.</summary>
    public static string HandlerUrl(string path, IReadOnlyDictionary<string, string?> filter, string format) =>
        Url(path, new Dictionary<string, string?>(filter) { ["handler"] = "Export" }, format);

    /// <summary>
    /// A list search as the audit log keeps it: an ID number or mobile masked, other text cut at 50 characters. The text is
    /// normalised first as the search itself normalises it (<see cref="TextNormalizer.Normalize"/>), so an ID number typed
    /// with full-width digits, which finds the person, is masked too (review13: it was stored whole); an ID number is masked
    /// in the form it is searched by (<see cref="IdNumber.Compact"/>), so one typed with spaces or hyphens shows no more of it.
    /// </summary>
    public static string MaskSearch(string q)
    {
        var text = TextNormalizer.Normalize(q);
        if (IdNumber.Compact(text) is { Length: >= 15 } id && id.Count(char.IsAsciiDigit) >= 15) return Masking.IdNumber(id);
        if (MobileNumber.TryParse(text, out var mobile)) return Masking.Mobile(mobile);
        return text.Length <= 50 ? text : text[..50];
    }

    /// <summary>
    /// What a list export holds, named as the /Reports downloads are (<see cref="DownloadName"/>; admin30: the lists' files
    /// were <c>{kind}-{yyyyMMdd}</c>): the list (resource <paramref name="kindKey"/>), the county it covers
    /// (<paramref name="county"/>: the list's county filter, else the user's county; null: the city), a
    /// <paramref name="subject"/> when it has one (a course's title, with an ASCII form), and the day it was read
    /// (Asia/Shanghai), e.g. <c>人才库_安吉县_2026-12-02.xlsx</c> / <c>talent-registry_Anji-County_2026-12-02.xlsx</c>.
    /// </summary>
    public static async Task<DownloadName> NameAsync(Microsoft.Extensions.Localization.IStringLocalizer l, string kindKey, RegionDirectory regions,
        string? county, TimeProvider clock, CancellationToken ct, (string Local, string Ascii)? subject = null)
    {
        var tree = await regions.GetAsync(ct);
        var name = new DownloadName().Text(l, kindKey)
            .Region(county is null ? tree.AtLevel(Domain.Regions.RegionLevel.City).FirstOrDefault() : tree.Find(county));
        if (subject is { } s) name.Add(s.Local, s.Ascii);
        return name.Add(ShanghaiTime.ToShanghai(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// One sheet as a download named <paramref name="name"/> (<see cref="NameAsync"/>): CSV (UTF-8 with a byte-order mark,
    /// so Excel reads Chinese) when <paramref name="csv"/>, else .xlsx.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult File(SheetData sheet, DownloadName name, bool csv) =>
        name.File(csv ? SheetWriter.Csv(sheet) : SheetWriter.Xlsx(sheet), csv ? SheetWriter.CsvType : SheetWriter.XlsxType, csv ? "csv" : "xlsx");
}

/// <summary>Village, township and county names for the export rows, in the current UI culture, from the <see cref="RegionDirectory"/>.</summary>
public sealed class RegionNames
{
    private readonly RegionTree _tree;
    private readonly bool _english = TalentHubCultures.IsEnglish;

    private RegionNames(RegionTree tree) => _tree = tree;

    /// <summary>
    /// The names for an export whose rows lie in <paramref name="regionCodes"/> (the directory reloads once
    /// when one of them was added after it was read).
    /// </summary>
    public static async Task<RegionNames> LoadAsync(RegionDirectory regions, IQueryable<string> regionCodes, CancellationToken ct)
    {
        var codes = await regionCodes.Distinct().ToListAsync(ct);
        return new RegionNames(await regions.GetAsync(codes, ct));
    }

    /// <summary>The region's name in the current UI culture; "" when the code is unknown or null.</summary>
    public string Name(string? code) => _tree.NameOf(code) ?? "";

    /// <summary>The name of the region's parent (a village's township); "" when unknown.</summary>
    public string Parent(string? code) => Name(_tree.Find(code)?.ParentCode);

    public bool English => _english;
}
