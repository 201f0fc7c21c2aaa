using TalentHub.Web.Infrastructure;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.Programs;

/// <summary>What the program create and edit pages share. Only city officers and admins change programs.</summary>
public abstract class ProgramFormPage(TalentHubDbContext db, RegionDirectory directory, IStringLocalizer<SharedResource> l) : StaffFormPage<ProgramInput>(db, l)
{
    public IReadOnlyDictionary<string, string> CountyNames { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit => User.Meets(Policies.CityManager);

    /// <summary>Loads the county names and gives the form one row per trainee type and per county, in a fixed order.</summary>
    protected async Task<PageResult> RedisplayAsync()
    {
        var tree = await directory.GetAsync();
        var counties = tree.AtLevel(RegionLevel.County).ToList();
        CountyNames = counties.ToDictionary(r => r.Code, r => tree.NameOf(r.Code)!);
        Input.Standards = Enum.GetValues<TraineeType>()
            .Select(t => Input.Standards.FirstOrDefault(s => s.Type == t) ?? new StandardRow { Type = t }).ToList();
        Input.Targets = counties
            .Select(c => Input.Targets.FirstOrDefault(t => t.County == c.Code) ?? new TargetRow { County = c.Code }).ToList();
        return Page();
    }

    /// <summary>
    /// True when no other program of <paramref name="year"/> is called <paramref name="name"/> — compared as course titles
    /// are (<see cref="CourseDuplicates.TitleKey"/>: the app's normalization, case- and width-insensitive), so "２０２６ＡＩ"
    /// and "2026ai" are one name; else false with the duplicate error next to the name (also the recheck after a save refused
    /// by the unique (Year, Name) index). A year holds a few dozen programs, so their names are compared here.
    /// </summary>
    protected async Task<bool> NameFreeAsync(int year, string name, int exceptId)
    {
        var names = await Db.Programs.AsNoTracking().Where(p => p.Year == year && p.Id != exceptId).Select(p => p.Name).ToListAsync();
        if (!names.Any(n => CourseDuplicates.SameTitle(n, name))) return true;
        ModelState.AddModelError("Input.Name", L["Program.Duplicate"]);
        return false;
    }

    /// <summary>
    /// Copies the input onto the program; false (with field errors) when a rule fails. Each rule runs whenever the fields it
    /// reads passed their own checks, so every error shows in one round; nothing is saved then.
    /// </summary>
    protected async Task<bool> ApplyAsync(TrainingProgram program)
    {
        var input = Input;
        var name = Valid("Input.Name") ? input.Name!.Trim() : null;
        int? year = Valid("Input.Year") ? input.Year!.Value : null;
        if (name is not null && year is { } named) await NameFreeAsync(named, name, program.Id);
        var counties = await Db.Regions.Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToListAsync();
        if (year is { } y)
        {
            // The county targets are rows of the one target model for the program's year: set the year first.
            program.Year = y;
            program.AlignTargetsWithYear();
        }
        var types = new HashSet<TraineeType>();
        var targetCounties = new HashSet<string>();
        for (var i = 0; i < input.Standards.Count; i++)
        {
            var row = input.Standards[i];
            var key = $"Input.Standards[{i}].Yuan";
            // A row of no trainee type the form has (a tampered or damaged form) has no field to show an error at: above the form.
            // So is a row missing a field (its amount read as "cleared" and removed the standard, probe37) or a type given twice.
            if (ModelState.TakeBindError($"Input.Standards[{i}].Type") || !Request.PostedWhole($"Input.Standards[{i}]", "Type", "Yuan")
                || !Enum.IsDefined(row.Type) || !types.Add(row.Type)) { ModelState.AddFormErrorOnce(L["Program.UnknownRow"]); continue; }
            if (!Valid(key)) continue;
            var current = program.Standards.FirstOrDefault(s => s.TraineeType == row.Type);
            if (row.Yuan is null) { if (current is not null) program.Standards.Remove(current); }
            else if (current?.YuanPerTrainee != row.Yuan) Try(() => program.SetStandard(row.Type, row.Yuan.Value), key);
        }
        for (var i = 0; i < input.Targets.Count; i++)
        {
            var row = input.Targets[i];
            var key = $"Input.Targets[{i}].Trainees";
            // An unknown county's row is not shown again (the form has a row per county), so its error goes above the form.
            if (!counties.Contains(row.County) || !Request.PostedWhole($"Input.Targets[{i}]", "County", "Trainees") || !targetCounties.Add(row.County))
            { ModelState.AddFormErrorOnce(L["Program.UnknownRow"]); continue; }
            if (!Valid(key) || year is null) continue; // a target belongs to the program's year
            var current = program.Targets.FirstOrDefault(t => t.CountyCode == row.County);
            if (row.Trainees is null) { if (current is not null) program.Targets.Remove(current); }
            else if (current?.Value != row.Trainees) Try(() => program.SetTarget(row.County, row.Trainees.Value), key);
        }
        if (!ModelState.IsValid) return false;
        program.Name = name!;
        program.Budget = input.Budget!.Value;
        program.RepeatRuleApplies = input.RepeatRuleApplies;
        return true;
    }
}
