using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The file name of a report download, by what it holds (fix29b: every /Reports download was <c>reports-{year}-{day}</c>,
/// so the city's, a county's and a month's files came out as "(1)", "(2)" guesses): its parts — the report kind, the
/// scope (city or county name), the period (year, year-month or day), then any filter — joined by <c>_</c>, e.g.
/// <c>人才工作月报_湖州市_2026-11.xlsx</c> in Chinese, <c>dispatch-report_Huzhou-City_2026-11.xlsx</c> in English.
/// Each part is kept in both languages: <see cref="Name"/> is in the UI language (sent as RFC 5987 <c>filename*</c>),
/// <see cref="Ascii"/> the English one (the plain <c>filename</c>, for clients that do not read <c>filename*</c>).
/// In a part, spaces become <c>-</c> and characters a file name may not hold (<c>\ / : * ? " &lt; &gt; |</c>, <c>_</c>,
/// control characters; in <see cref="Ascii"/> anything not printable ASCII) are dropped. A part that a later part holds
/// (a county the course title starts with) is left out.
/// </summary>
public sealed class DownloadName
{
    private readonly List<(string Local, string Ascii)> _parts = [];

    /// <summary>A part in the UI language and its English (ASCII) form.</summary>
    public DownloadName Add(string local, string english)
    {
        _parts.Add((Clean(local, ascii: false), Clean(english, ascii: true)));
        return this;
    }

    /// <summary>A part the same in both languages (a year "2026", a month "2026-11", a day "2026-12-02").</summary>
    public DownloadName Add(string both) => Add(both, both);

    /// <summary>The resource <paramref name="key"/> in the UI language and in English.</summary>
    public DownloadName Text(IStringLocalizer l, string key) => Add(l[key].Value, InEnglish(() => l[key].Value));

    /// <summary>The region's name in the UI language and in English; nothing when <paramref name="region"/> is null.</summary>
    public DownloadName Region(Region? region) =>
        region is null ? this : Add(region.DisplayName(TalentHubCultures.IsEnglish), region.NameEn);

    /// <summary>The name in the UI language with <paramref name="extension"/> (<c>xlsx</c>, <c>csv</c>).</summary>
    public string Name(string extension) => Join(_parts.Select(p => p.Local), extension);

    /// <summary>The English name with <paramref name="extension"/>, printable ASCII only.</summary>
    public string Ascii(string extension) => Join(_parts.Select(p => p.Ascii), extension);

    /// <summary>
    /// <paramref name="contents"/> as a download of <paramref name="contentType"/> named <see cref="Name"/> (filename*) with
    /// <see cref="Ascii"/> as the plain filename.
    /// </summary>
    public FileContentResult File(byte[] contents, string contentType, string extension) =>
        new NamedFileResult(contents, contentType, Name(extension), Ascii(extension));

    /// <summary>The Content-Disposition value: <c>attachment; filename=…; filename*=UTF-8''…</c>.</summary>
    public static string ContentDisposition(string name, string ascii) =>
        new ContentDispositionHeaderValue("attachment") { FileName = ascii, FileNameStar = name }.ToString();

    /// <summary>
    /// The non-empty parts joined by <c>_</c>, leaving out a part a later one already holds (reports31: the roster of
    /// "安吉县白茶种植班" was <c>花名册_安吉县_安吉县白茶种植班_…</c>; now <c>花名册_安吉县白茶种植班_…</c>). Each language's name
    /// is checked on its own: the ASCII name keeps <c>Anji-County</c> when its subject part is <c>course-12</c>.
    /// </summary>
    private static string Join(IEnumerable<string> parts, string extension)
    {
        var kept = parts.Where(p => p.Length > 0).ToList();
        // Only a named part (a county) is left out: a year "2026" stays beside the day "2026-12-02" it is part of.
        return string.Join('_', kept.Where((p, i) => !p.Any(char.IsLetter)
            || !kept.Skip(i + 1).Any(later => later.Contains(p, StringComparison.OrdinalIgnoreCase)))) + "." + extension;
    }

    private static string Clean(string text, bool ascii)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c)) { if (result.Length > 0 && result[^1] != '-') result.Append('-'); }
            else if (c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '_' || char.IsControl(c)) { }
            else if (!ascii || c is > ' ' and < '\u007f') result.Append(c);
        }
        return result.ToString().Trim('-', '.');
    }

    private static string InEnglish(Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(TalentHubCultures.English);
        try { return text(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    /// <summary>A file download whose Content-Disposition names it twice: the ASCII fallback and the UTF-8 name.</summary>
    private sealed class NamedFileResult(byte[] contents, string contentType, string name, string ascii) : FileContentResult(contents, contentType)
    {
        public override Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.ContentDisposition = ContentDisposition(name, ascii);
            return base.ExecuteResultAsync(context);
        }
    }
}
