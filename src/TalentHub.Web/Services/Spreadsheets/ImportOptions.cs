using System.Globalization;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// Import settings under <c>TalentHub:Import</c> (environment <c>TalentHub__Import__…</c>), all stated on the
/// import pages: <c>MaxUploadMegabytes</c> (default 5), <c>MaxRows</c> data rows (default 100,000),
/// <c>MaxColumns</c> read (default 100; cells further right are ignored), <c>MaxUnpackedMegabytes</c> that an
/// .xlsx may unpack to (default 100) and <c>MaxCellCharacters</c> (default 32,767, Excel's own limit;
/// a longer cell is a row error). Confirming writes <c>BatchRows</c> records per short transaction (default 2,000,
/// well under a second of SQLite's write lock) under a pending import batch, made visible at the end in one short
/// transaction; a batch untouched for <c>PendingBatchMinutes</c> (default 10) is abandoned and removed (issue 8, item 9).
/// <c>CacheMegabytes</c> is the importing SQLite connection's page cache while it writes, <c>ValidateThreads</c> the threads a
/// validation reads and checks an upload on (issue 12).
/// </summary>
public sealed class ImportOptions
{
    public const double DefaultMaxUploadMegabytes = 5;

    public double MaxUploadMegabytes { get; init; } = DefaultMaxUploadMegabytes;
    public int MaxRows { get; init; } = 100_000;
    public int MaxColumns { get; init; } = 100;
    public double MaxUnpackedMegabytes { get; init; } = 100;
    public int MaxCellCharacters { get; init; } = 32_767;
    /// <summary>Records written per short transaction while an import is confirmed.</summary>
    public int BatchRows { get; init; } = 2_000;
    /// <summary>Minutes without a written chunk after which a pending import batch counts as abandoned.</summary>
    public double PendingBatchMinutes { get; init; } = 10;

    /// <summary>
    /// SQLite page cache (MiB) of the connection an import writes through while it writes (SQLite's default is 2 MiB);
    /// handed back when the import ends. Measured in BENCHMARKS.md "import, perf5b" and "import, imp8a" (16 MiB against
    /// 8: a 100,000-row confirm ~0.9 s less CPU for ~+9 MB peak, a 10,000-row import ~+14 MB).
    /// </summary>
    public int CacheMegabytes { get; init; } = 16;

    /// <summary>
    /// Threads a validation of an upload may use: 1 reads the whole file, then checks its rows; 2 or more (default: the
    /// machine's processor count) check each block of rows on one thread while the next is read on another
    /// (<see cref="SheetSource"/>), so the check's time hides behind the read's (issue 12). Same results either way.
    /// </summary>
    public int ValidateThreads { get; init; } = Environment.ProcessorCount;

    public TimeSpan PendingBatchAge => TimeSpan.FromMinutes(PendingBatchMinutes);

    public long MaxUploadBytes => (long)(MaxUploadMegabytes * 1024 * 1024);

    /// <summary>
    /// What a whole request may carry before it is cut off: twice the cap plus room for the form, so a
    /// moderately oversized file still arrives and is refused by the page with the cap in the message.
    /// </summary>
    public long RequestCeilingBytes => MaxUploadBytes * 2 + 1024 * 1024;

    /// <summary>The cap as shown in messages: "5", "0.5".</summary>
    public string CapText => MaxUploadMegabytes.ToString("#,0.##", CultureInfo.CurrentCulture);

    public SpreadsheetLimits Limits => new(MaxRows, MaxColumns, (long)(MaxUnpackedMegabytes * 1024 * 1024), MaxCellCharacters);

    /// <summary>Reads <c>TalentHub:Import</c>; a missing, zero or negative value keeps its default.</summary>
    public static ImportOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{TalentHubOptions.Section}:Import");
        var defaults = new ImportOptions();
        static T Positive<T>(T? value, T fallback) where T : struct, IComparable<T> =>
            value is { } v && v.CompareTo(default) > 0 ? v : fallback;
        return new ImportOptions
        {
            MaxUploadMegabytes = Positive(section.GetValue<double?>("MaxUploadMegabytes"), defaults.MaxUploadMegabytes),
            MaxRows = Positive(section.GetValue<int?>("MaxRows"), defaults.MaxRows),
            MaxColumns = Positive(section.GetValue<int?>("MaxColumns"), defaults.MaxColumns),
            MaxUnpackedMegabytes = Positive(section.GetValue<double?>("MaxUnpackedMegabytes"), defaults.MaxUnpackedMegabytes),
            MaxCellCharacters = Positive(section.GetValue<int?>("MaxCellCharacters"), defaults.MaxCellCharacters),
            BatchRows = Positive(section.GetValue<int?>("BatchRows"), defaults.BatchRows),
            PendingBatchMinutes = Positive(section.GetValue<double?>("PendingBatchMinutes"), defaults.PendingBatchMinutes),
            CacheMegabytes = Positive(section.GetValue<int?>("CacheMegabytes"), defaults.CacheMegabytes),
            ValidateThreads = Positive(section.GetValue<int?>("ValidateThreads"), defaults.ValidateThreads),
        };
    }
}
