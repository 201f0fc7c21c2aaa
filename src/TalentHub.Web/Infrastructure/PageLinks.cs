using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Builds in-app links with a query string: each value URL-encoded (numbers and dates invariant), empty values left out,
/// the pairs joined with a plain <c>&amp;</c>. A view writes the result with <c>href="@…"</c> and Razor encodes it once
/// (fix23: /Reports wrote some links with a raw <c>&amp;</c> in the markup, others built by hand; a hand-written
/// <c>&amp;amp;</c> inside a C# string would be encoded twice). Use it for every link that carries query values.
/// </summary>
public static class PageLinks
{
    /// <summary>
    /// <paramref name="path"/> (no query string) with <paramref name="query"/> in order, e.g.
    /// <c>To("/Reports", ("handler", "Export"), ("format", "csv"), ("Year", 2026))</c> → <c>/Reports?handler=Export&amp;format=csv&amp;Year=2026</c>.
    /// A null or empty value drops its pair.
    /// </summary>
    public static string To(string path, params (string Key, object? Value)[] query) =>
        To(path, query.Select(q => new KeyValuePair<string, string?>(q.Key, Text(q.Value))));

    /// <summary><paramref name="path"/> with the non-empty <paramref name="query"/> values, in order.</summary>
    public static string To(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        QueryHelpers.AddQueryString(path, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
