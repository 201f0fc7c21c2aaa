using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Audit;

/// <summary>
/// A JSON value inside an audit entry (a dispatch report's frozen figures, an object a change stored as JSON) shown as
/// readable "label: value" lines in the viewer's language, never as raw JSON (admin30: /Admin/Audit showed a 月报's
/// figures as <c>{"Month":"2026-10","Day":…</c>). The audit log shortens long values, ending them in "…", so the JSON
/// read here may break off: what was read is shown, with a line saying the rest is not in the log.
/// </summary>
public static class AuditJsonText
{
    /// <summary>Most lines shown for JSON of an unknown shape; more end in "…".</summary>
    public const int MaxLines = 20;

    /// <summary>One scalar of the JSON: its path (property names, array positions from 0) and its text (null for JSON null).</summary>
    public sealed record Scalar(IReadOnlyList<string> Path, string? Value, JsonTokenType Kind);

    /// <summary>
    /// The lines to show for <paramref name="text"/>, a value of <paramref name="field"/> of an <paramref name="entityType"/>
    /// entry; null when the text is not JSON (an object or an array), to be shown as it is.
    /// </summary>
    public static IReadOnlyList<string>? Lines(string entityType, string field, string text, IStringLocalizer l)
    {
        if (Read(text) is not var (scalars, complete)) return null;
        return entityType == nameof(DispatchReport) && field == nameof(DispatchReport.Figures)
            ? DispatchLines(scalars, complete, l)
            : GenericLines(scalars, complete, l);
    }

    /// <summary>
    /// The scalars of a JSON object or array in document order, and whether the text was whole (not cut short by the log's
    /// "…" or broken off); null when <paramref name="text"/> is not JSON (does not start as an object or array, or has a
    /// token JSON does not allow). JSON that only stops early is read as far as it goes.
    /// </summary>
    public static (IReadOnlyList<Scalar> Scalars, bool Complete)? Read(string text)
    {
        var json = text.Trim();
        if (json.Length == 0 || json[0] is not ('{' or '[')) return null;
        if (json.EndsWith('…')) json = json[..^1];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), isFinalBlock: false, default);
        var frames = new List<Frame>();
        var scalars = new List<Scalar>();
        var complete = false;
        try
        {
            while (!complete && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Name = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        complete = frames.Count == 0;
                        Next(frames);
                        break;
                    default:
                        scalars.Add(new Scalar(frames.Select(f => f.Array ? f.Index.ToString(CultureInfo.InvariantCulture) : f.Name ?? "").ToList(),
                            reader.TokenType switch
                            {
                                JsonTokenType.String => reader.GetString(),
                                JsonTokenType.Null => null,
                                _ => Encoding.UTF8.GetString(reader.ValueSpan),
                            }, reader.TokenType));
                        Next(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null; // not JSON after all ("[急] 回访" typed in a text field): shown as typed
        }
        return (scalars, complete);
    }

    /// <summary>
    /// A dispatch report's figures: the day they stand at, each county's rank and score, the examples. Not the month: the
    /// figures are always of the report's own month, which the entry names in its 月份 / Month field and the regeneration
    /// note (reports31: the issue's line read "通报数据: 月份: 2026-11 …; 月份: 2026-11").
    /// </summary>
    private static List<string> DispatchLines(IReadOnlyList<Scalar> scalars, bool complete, IStringLocalizer l)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var lines = new List<string>();
        string? Top(string name) => scalars.FirstOrDefault(s => s.Path.Count == 1 && s.Path[0] == name)?.Value;
        if (Top("Day") is { } day && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            lines.Add($"{l["Audit.Json.Day"]}: {ShanghaiTime.FormatDate(date)}");
        foreach (var county in scalars.Where(s => s.Path.Count == 3 && s.Path[0] == "Counties").GroupBy(s => s.Path[1]))
        {
            string? Of(string name) => county.FirstOrDefault(s => s.Path[2] == name)?.Value;
            if ((english ? Of("NameEn") : Of("NameZh")) is not { } name || Of("Rank") is not { } rank) continue;
            // The score is a share (0.2591), shown as the page and the workbook show it: 25.9%.
            lines.Add(Of("Score") is { } score && decimal.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
                ? $"{name}: {l["Audit.Json.RankScore", rank, share.ToString("0.0%", CultureInfo.InvariantCulture)]}"
                : $"{name}: {l["Audit.Json.Rank", rank]}");
        }
        if (complete)
            lines.Add($"{l["Dispatch.Examples"]}: {scalars.Where(s => s.Path.Count > 2 && s.Path[0] == "Examples").Select(s => s.Path[1]).Distinct().Count()}");
        else
            lines.Add(l["Audit.Json.DispatchCutShort"]);
        return lines;
    }

    /// <summary>JSON of any other shape: one "path: value" line per scalar (positions counted from 1), yes/no and "—" worded.</summary>
    private static List<string> GenericLines(IReadOnlyList<Scalar> scalars, bool complete, IStringLocalizer l)
    {
        var lines = scalars.Take(MaxLines).Select(s =>
        {
            var label = string.Join(" › ", s.Path.Where(p => p.Length > 0)
                .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? (i + 1).ToString(CultureInfo.InvariantCulture) : p));
            var value = s.Kind switch
            {
                JsonTokenType.True => l["Audit.Yes"].Value,
                JsonTokenType.False => l["Audit.No"].Value,
                JsonTokenType.Null => "—",
                // JSON kept as a text inside the JSON (a cut entry's frozen figures): its lines, not its braces.
                JsonTokenType.String when Read(s.Value ?? "") is var (inner, whole) => string.Join("; ", GenericLines(inner, whole, l)),
                _ => s.Value ?? "—",
            };
            return label.Length == 0 ? value : $"{label}: {value}";
        }).ToList();
        if (scalars.Count > MaxLines) lines.Add("…");
        if (!complete) lines.Add(l["Audit.Json.CutShort"]);
        if (lines.Count == 0) lines.Add("—");
        return lines;
    }

    private static void Next(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].Array) frames[^1].Index++;
    }

    private sealed class Frame(bool array)
    {
        public bool Array { get; } = array;
        public int Index { get; set; }
        public string? Name { get; set; }
    }
}
