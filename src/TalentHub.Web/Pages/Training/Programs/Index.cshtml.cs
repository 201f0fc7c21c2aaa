using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.Programs;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, IRegionScope scope) : PageModel
{
    public sealed record Standard(TraineeType Type, decimal Yuan);
    public sealed record Row(int Id, string Name, int Year, decimal Budget, bool RepeatRule, IReadOnlyList<Standard> Standards,
        int TargetTotal, int? OwnTarget, int Courses);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanCreate => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.CityOfficer);
    /// <summary>County staff also see their own county's target.</summary>
    public string? ScopeCounty => scope.CountyCode;

    /// <summary>Satisfaction survey results per program (over the courses this user may see).</summary>
    public IReadOnlyDictionary<int, Services.Training.Satisfaction> Satisfaction { get; private set; } = new Dictionary<int, Services.Training.Satisfaction>();

    public async Task OnGetAsync()
    {
        Satisfaction = await Services.Training.CourseResults.SatisfactionByProgramAsync(db);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Standards).Include(p => p.Targets)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Name).ToListAsync();
        // The county filter applies to courses: county staff count their own.
        var courses = await db.Courses.AsNoTracking().Where(c => c.ProgramId != null)
            .GroupBy(c => c.ProgramId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Rows = programs.Select(p => new Row(p.Id, p.Name, p.Year, p.Budget, p.RepeatRuleApplies,
            p.Standards.OrderBy(s => s.TraineeType).Select(s => new Standard(s.TraineeType, s.YuanPerTrainee)).ToList(),
            (int)p.Targets.Sum(t => t.Value),
            ScopeCounty is null ? null : p.Targets.FirstOrDefault(t => t.CountyCode == ScopeCounty)?.Value is { } own ? (int)own : 0,
            courses.GetValueOrDefault(p.Id))).ToList();
    }
}
