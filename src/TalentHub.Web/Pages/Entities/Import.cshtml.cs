using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Spreadsheets;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Entities;

namespace TalentHub.Web.Pages.Entities;

[Authorize(Policy = Policies.RegistryStaff)]
[UploadLimit]
public sealed class ImportModel(ImportSteps<EntitiesImporter> steps) : ImportPageModel(steps)
{
    protected override string Kind => "entities";
    protected override string TemplateSheetKey => "Import.Template.Entities";
}
