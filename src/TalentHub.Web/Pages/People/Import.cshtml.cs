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

namespace TalentHub.Web.Pages.People;

[Authorize(Policy = Policies.RegistryStaff)]
[UploadLimit]
public sealed class ImportModel(ImportSteps<PeopleImporter> steps) : ImportPageModel(steps)
{
    protected override string Kind => "people";
    protected override string TemplateSheetKey => "Import.Template.People";
}
