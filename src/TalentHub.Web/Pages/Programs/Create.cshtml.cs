using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Programs;

[Authorize(Policy = Policies.CityManager)]
public sealed class CreateModel(TalentHubDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : ProgramFormPage(db, l)
{
    public override bool IsEdit => false;

    public Task<PageResult> OnGetAsync()
    {
        Input = new ProgramInput { Year = clock.GetUtcNow().ToShanghai().Year };
        return RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var program = new TrainingProgram { Version = 1 };
        if (!await ApplyAsync(program)) return await RedisplayAsync();
        Db.Programs.Add(program);
        await Db.SaveChangesAsync();
        TempData["Flash"] = L["Program.Created"].Value;
        return RedirectToPage("/Programs/Index");
    }
}
