using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Services;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Pages.Training.Programs;

/// <summary>City officers and admins edit; county staff read the same page.</summary>
[Authorize(Policy = Policies.RegistryStaff)]
public sealed class EditModel(TalentHubDbContext db, RegionDirectory directory, IStringLocalizer<SharedResource> l) : ProgramFormPage(db, directory, l)
{
    public override bool IsEdit => true;
    public int Id { get; private set; }
    public string ProgramName { get; private set; } = "";
    public int CourseCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var program = await Load(Db.Programs.AsNoTracking(), id);
        if (program is null) return NotFound();
        Input = ProgramInput.From(program);
        return await RedisplayAsync();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!CanEdit) return Forbid();
        var program = await Load(Db.Programs, id);
        if (program is null) return NotFound();
        if (!await ApplyAsync(program) || !await SaveEditAsync(program, Input.Version, () => NameFreeAsync(program.Year, program.Name, id))) return await RedisplayAsync();
        FlashSaved("Program.Saved");
        return RedirectToPage("/Training/Programs/Index");
    }

    private async Task<TrainingProgram?> Load(IQueryable<TrainingProgram> programs, int id)
    {
        var program = await programs.Include(p => p.Standards).Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == id);
        if (program is null) return null;
        Id = program.Id;
        ProgramName = program.Name;
        // The county filter applies: county staff count their own county's courses.
        CourseCount = await Db.Courses.CountAsync(c => c.ProgramId == id);
        return program;
    }
}
