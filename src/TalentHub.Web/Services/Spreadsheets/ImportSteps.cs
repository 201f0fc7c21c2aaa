using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Everything an import page needs, as one injected service: its importer and the shared machinery.</summary>
public class ImportSteps(IImporter importer, TalentHubDbContext db, AuditLog audit, IRegionScope scope, IUploadStore uploads,
    BulkInserter inserter, ImportOptions options, IStringLocalizer<SharedResource> l, ImportBatches batches,
    IEnumerable<IImportObserver> observers, ILogger<ImportSteps> log, ValidatedImports previews)
{
    /// <summary>Previews' validated rows kept for their confirm on this node.</summary>
    public ValidatedImports Previews => previews;
    public ImportBatches Batches => batches;
    public IReadOnlyList<IImportObserver> Observers { get; } = observers.ToList();
    public ILogger Log => log;
    public IImporter Importer => importer;
    public TalentHubDbContext Db => db;
    public AuditLog Audit => audit;
    public IRegionScope Scope => scope;
    public IUploadStore Uploads => uploads;
    public BulkInserter Inserter => inserter;
    public ImportOptions Options => options;
    public IStringLocalizer<SharedResource> L => l;
}

/// <summary>The import steps with the importer of one kind (people, entities) taken from DI.</summary>
public sealed class ImportSteps<TImporter>(TImporter importer, TalentHubDbContext db, AuditLog audit, IRegionScope scope,
    IUploadStore uploads, BulkInserter inserter, ImportOptions options, IStringLocalizer<SharedResource> l, ImportBatches batches,
    IEnumerable<IImportObserver> observers, ILogger<ImportSteps> log, ValidatedImports previews)
    : ImportSteps(importer, db, audit, scope, uploads, inserter, options, l, batches, observers, log, previews) where TImporter : IImporter;

/// <summary>
/// Told after each short transaction of a confirm has committed, and when the batch is over (its rows still invisible). None is registered in
/// the app; tests register one to act between two chunks (a concurrent save, a failure, a cancel).
/// </summary>
public interface IImportObserver
{
    /// <param name="batchId">The pending batch.</param>
    /// <param name="written">Records written so far in this batch.</param>
    /// <param name="ct">The request's token.</param>
    Task ChunkWrittenAsync(long batchId, int written, CancellationToken ct);

    /// <summary>Told once the batch is over: committed (visible) or removed (never visible).</summary>
    Task BatchEndedAsync(long batchId, bool committed);
}
