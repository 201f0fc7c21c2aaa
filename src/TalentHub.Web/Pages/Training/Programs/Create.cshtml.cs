using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
    /// Creates the program. The same form posted again (a double tap, the back button, two posts at once) goes to the list
    /// its first post went to: its own program is not "a program with this name already exists" (review34c).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await SubmittedAsync(FormKinds.Program) is not null) return Created();
        var program = new TrainingProgram();
        if (!await ApplyAsync(program))
            // A post of this form at the same time may be what took the name: its program and token commit together.
            return await SubmittedAsync(FormKinds.Program) is not null ? Created() : await RedisplayAsync();
        try
        {
            await SaveNewOnceAsync(program, p => p.Id, FormKinds.Program, clock.GetUtcNow());
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The (Year, Name) index refused it after the name check passed: this form's other post, or another officer's.
            Db.ChangeTracker.Clear();
            if (await SubmittedAsync(FormKinds.Program) is not null) return Created();
            if (await NameFreeAsync(program.Year, program.Name, 0)) throw;
            return await RedisplayAsync();
        }
        return Created();
    }

    private RedirectToPageResult Created()
    {
        Flash("Program.Created");
        return RedirectToPage("/Training/Programs/Index");
    }
}
