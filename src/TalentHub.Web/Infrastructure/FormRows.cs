namespace TalentHub.Web.Infrastructure;

/// <summary>Rows of a table form (fields named <c>Prefix[i].Field</c>), as posted.</summary>
public static class FormRows
{
    /// <summary>
    /// Whether the post carried every one of <paramref name="fields"/> for the row <paramref name="row"/> (e.g. "Cells[3]").
    /// A form that renders a row always posts all its fields (an empty input posts an empty value), so a missing one is a
    /// tampered or damaged form: it must be refused, not bound as "no value", which reads as "clear this target"
    /// (probe37: renaming one Value field in devtools deleted a county's stored target).
    /// </summary>
    public static bool PostedWhole(this HttpRequest request, string row, params string[] fields) =>
        request.HasFormContentType && fields.All(f => request.Form.ContainsKey($"{row}.{f}"));
}
