using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Import;

namespace TalentHub.Web.Pages.Entities;

[Authorize(Policy = Policies.RegistryStaff)]
[UploadLimit]
public sealed class ImportModel(TalentHubDbContext db, PersonRegistry registry, IRegionScope scope, TimeProvider clock,
    AuditLog audit, UploadStore uploads, IConfiguration configuration, IStringLocalizer<SharedResource> l)
    : ImportPageModel(db, audit, scope, uploads, ImportOptions.From(configuration), l)
{
    protected override IImporter Importer { get; } = new EntitiesImporter(db, registry, scope, clock);
    protected override string Kind => "entities";
    protected override string TemplateSheetName => "经营主体";
}
