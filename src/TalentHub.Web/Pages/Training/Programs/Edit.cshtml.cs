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
        if (!await ApplyAsync(program)) return await RedisplayAsync();
        if (!await SaveWithCoursesCheckedAsync(program)) return await RedisplayAsync();
        FlashSaved("Program.Saved");
        return RedirectToPage("/Training/Programs/Index");
    }

    /// <summary>
    /// Saves the edit in one write transaction that first checks whether the program has courses (in any county) and refuses
    /// a change of year then (<see cref="TrainingProgram.EnsureYearMayChange"/>, next to the year). On SQLite the transaction
    /// holds the one write lock (<c>BEGIN IMMEDIATE</c>); on PostgreSQL the program's row is locked <c>FOR UPDATE</c>, which
    /// waits for a course being added to it right now (its foreign key holds a key-share lock on the row until it commits) and
    /// makes a course added later wait for this commit. Either way a course cannot slip in between the check and the save.
    /// </summary>
    private async Task<bool> SaveWithCoursesCheckedAsync(TrainingProgram program)
    {
        var storedYear = Db.Entry(program).Property(p => p.Year).OriginalValue;
        await using var tx = await Db.Database.BeginTransactionAsync();
        if (storedYear != program.Year)
        {
            if (Db.Database.IsNpgsql())
                await Db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Programs\" WHERE \"Id\" = {program.Id} FOR UPDATE");
            var hasCourses = await Db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AnyAsync(c => c.ProgramId == program.Id);
            if (!Try(() => program.EnsureYearMayChange(storedYear, hasCourses), "Input.Year")) return false;
        }
        if (!await SaveEditAsync(program, Input.Version, () => NameFreeAsync(program.Year, program.Name, program.Id))) return false;
        await tx.CommitAsync();
        return true;
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
