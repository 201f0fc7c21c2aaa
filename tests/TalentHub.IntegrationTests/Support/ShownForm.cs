using System.Text.RegularExpressions;

namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// The fields a browser would post for one form of a page as it was shown (its antiforgery token and hidden stamps included):
/// hidden and text inputs, checked radios and boxes, each select's selected option (else its first). A test changes the rows a
/// user would change (<see cref="Set"/>, <see cref="Tick"/>, <see cref="Untick"/>) and posts the rest untouched, later, like a
/// page left open while others write.
/// </summary>
public sealed partial class ShownForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>The fields in page order (a name may repeat, as ticked boxes do).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The form with id <paramref name="formId"/> in <paramref name="html"/>.</summary>
    /// <exception cref="InvalidOperationException">The page has no such form.</exception>
    public static ShownForm Of(string html, string formId)
    {
        var form = Regex.Match(html, $"<form[^>]*id=\"{Regex.Escape(formId)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        if (!form.Success) throw new InvalidOperationException($"No form #{formId} on the page.");
        var shown = new ShownForm();
        foreach (Match control in ControlPattern().Matches(form.Groups[1].Value))
        {
            var attributes = AttributesOf(control.Groups["tag"].Value);
            if (!attributes.TryGetValue("name", out var name)) continue;
            if (control.Value.StartsWith("<select", StringComparison.Ordinal))
            {
                var options = OptionPattern().Matches(control.Groups["body"].Value).Select(o => AttributesOf(o.Groups[1].Value)).ToList();
                var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                if (chosen is not null) shown._fields.Add(new(name, chosen.GetValueOrDefault("value", "")));
                continue;
            }
            var type = attributes.GetValueOrDefault("type", "text");
            if (type is "submit" or "button" or "reset" or "file") continue;
            if (type is "radio" or "checkbox" && !attributes.ContainsKey("checked")) continue;
            shown._fields.Add(new(name, attributes.GetValueOrDefault("value", type is "checkbox" or "radio" ? "on" : "")));
        }
        return shown;
    }

    /// <summary>The one value of <paramref name="name"/> (a radio group's checked one), or null when none is posted.</summary>
    public string? this[string name] => _fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    /// <summary>Posts <paramref name="value"/> as the only value of <paramref name="name"/> (a radio picked, a select changed).</summary>
    public ShownForm Set(string name, string value)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        _fields.Insert(at < 0 ? _fields.Count : at, new(name, value));
        return this;
    }

    /// <summary>Ticks the box <paramref name="name"/> with <paramref name="value"/>.</summary>
    public ShownForm Tick(string name, string value)
    {
        if (!_fields.Contains(new(name, value))) _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Unticks the box <paramref name="name"/> with <paramref name="value"/>.</summary>
    public ShownForm Untick(string name, string value)
    {
        _fields.Remove(new(name, value));
        return this;
    }

    /// <summary>Posts the fields to <paramref name="url"/> (the form's action with its handler).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, string url) => client.PostAsync(url, new FormUrlEncodedContent(_fields));

    private static Dictionary<string, string> AttributesOf(string tag) =>
        AttributePattern().Matches(tag).GroupBy(a => a.Groups[1].Value)
            .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups[3].Success ? g.First().Groups[3].Value : ""));

    [GeneratedRegex("(?<tag><input\\b[^>]*>)|(?<tag><select\\b[^>]*>)(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ControlPattern();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("\\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(=\"([^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
