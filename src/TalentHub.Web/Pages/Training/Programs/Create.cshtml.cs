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

    protected override bool UsesSubmissionToken => true;

    public Task<PageResult> OnGetAsync()
    {
        Input = new ProgramInput { Year = clock.GetUtcNow().ToShanghai().Year };
        return RedisplayAsync();
    }

    /// <summary>
    /// Creates the program, once per form (<see cref="StaffFormPage{TInput}.CreateOnceAsync"/>); the form's repeated post goes
    /// to the list its first post went to.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var created = await CreateOnceAsync(FormKinds.Program, async () =>
        {
            var program = new TrainingProgram();
            return await ApplyAsync(program) ? program : null;
        }, p => p.Id, p => NameFreeAsync(p.Year, p.Name, 0), clock.GetUtcNow());
        return created is null ? await RedisplayAsync() : Created();
    }

    private RedirectToPageResult Created()
    {
        Flash("Program.Created");
        return RedirectToPage("/Training/Programs/Index");
    }
}
