using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Programs;

[Authorize(Policy = Policies.CityManager)]
public sealed class CreateModel(TalentHubDbContext db, RegionDirectory directory, IStringLocalizer<SharedResource> l, TimeProvider clock)
    : ProgramFormPage(db, directory, l)
{
    public override bool IsEdit => false;

    public Task<PageResult> OnGetAsync()
    {
        Input = new ProgramInput { Year = clock.GetUtcNow().ToShanghai().Year };
        return RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var program = new TrainingProgram();
        if (!await ApplyAsync(program) || !await SaveNewAsync(program, () => NameFreeAsync(program.Year, program.Name, 0)))
            return await RedisplayAsync();
        Flash("Program.Created");
        return RedirectToPage("/Training/Programs/Index");
    }
}
