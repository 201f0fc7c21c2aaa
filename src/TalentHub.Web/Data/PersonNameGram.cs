namespace TalentHub.Web.Data;

/// <summary>
/// One two-character fragment (bigram, counted in Unicode code points) of a person's name, for the registry's name
/// search (issue 12): a 2-character fragment such as 王秀 — the common case for Chinese names, too short for trigram
/// indexes — is found by an index seek here instead of a scan of every name in scope. Rows are written by database
/// triggers on <c>People</c> (insert, rename, delete; migration <c>Perf3</c>), so every write path — EF, raw SQL — keeps
/// them in step; only people inserted under a pending import batch get theirs from the import, one set-based statement
/// per chunk (<see cref="ImportBatchGrams"/>, migration <c>Perf5</c>). The app reads them in <see cref="Services.People.PeopleFilter"/>.
/// </summary>
public sealed class PersonNameGram
{
    public string Gram { get; private set; } = "";
    public int PersonId { get; private set; }

    /// <summary>
    /// The bigram a name fragment is looked up by: its first two code points (a character outside the BMP counts as one,
    /// as in SQLite's and PostgreSQL's <c>substr</c>), or null for a fragment of fewer than two.
    /// </summary>
    public static string? Of(string fragment)
    {
        var runes = fragment.EnumerateRunes();
        if (!runes.MoveNext()) return null;
        var first = runes.Current;
        if (!runes.MoveNext()) return null;
        return string.Concat(first.ToString(), runes.Current.ToString());
    }
}
