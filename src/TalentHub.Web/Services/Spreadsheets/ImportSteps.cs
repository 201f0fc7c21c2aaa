using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Audit;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>Everything an import page needs, as one injected service: its importer and the shared machinery.</summary>
public class ImportSteps(IImporter importer, TalentHubDbContext db, AuditLog audit, IRegionScope scope, IUploadStore uploads,
    BulkInserter inserter, ImportOptions options, IStringLocalizer<SharedResource> l)
{
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
    IUploadStore uploads, BulkInserter inserter, ImportOptions options, IStringLocalizer<SharedResource> l)
    : ImportSteps(importer, db, audit, scope, uploads, inserter, options, l) where TImporter : IImporter;
