using TalentHub.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;

namespace TalentHub.Web.Pages.Training.Programs;

[Authorize(Policy = Policies.RegistryStaff)]
public sealed class IndexModel(TalentHubDbContext db, IRegionScope scope, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Standard(TraineeType Type, decimal Yuan);
    public sealed record Row(int Id, string Name, int Year, decimal Budget, bool RepeatRule, IReadOnlyList<Standard> Standards,
        int TargetTotal, int? OwnTarget, int Courses);

    public const int PageSize = 20;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Sort key: "year" (default, newest first), "name" (pinyin), "budget", "target" or "courses".</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [PageQuery] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?> { ["Sort"] = Sort, ["Desc"] = Desc ? "true" : null };

    /// <summary>The URL that sorts by <paramref name="key"/>, flipping the direction when it already sorts by it.</summary>
    public string SortUrl(string key) => $"/Programs?Sort={key}" + (Sort == key && !Desc ? "&Desc=true" : "");
    public bool CanCreate => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.CityOfficer);
    /// <summary>County staff also see their own county's target.</summary>
    public string? ScopeCounty => scope.CountyCode;

    /// <summary>Satisfaction survey results per program (over the courses this user may see).</summary>
    public IReadOnlyDictionary<int, Services.Training.Satisfaction> Satisfaction { get; private set; } = new Dictionary<int, Services.Training.Satisfaction>();

    public async Task OnGetAsync()
    {
        var list = await ListAsync(HttpContext.RequestAborted);
        Total = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = list.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    /// <summary>
    /// <c>/Programs?handler=Export&amp;format=xlsx|csv&amp;Sort=…</c>: every programme in the list's order, the cells as the page
    /// shows them (county staff: their own county's target and course count), audited. 400 for a format other than xlsx or csv.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] Services.Audit.AuditLog audit, [FromServices] TimeProvider clock,
        [FromServices] RegionDirectory regions, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var rows = await ListAsync(ct);
        var own = ScopeCounty is not null;
        string Money(decimal value) => value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
        var headers = new List<string> { l["Program.Name"], l["Program.Year"], l["Program.BudgetWithUnit"], l["Program.Standards"], l["Program.TargetTotal"] };
        if (own) headers.Add(l["Program.OwnTarget"]);
        headers.AddRange([l["Program.RepeatRuleShort"], l["Programs.Courses"], l["Survey.Satisfied"]]);
        var sheet = new Services.Spreadsheets.SheetData(l["Programs.Title"], headers, rows.Select(p =>
        {
            var cells = new List<object?> { p.Name, p.Year, Money(p.Budget),
                string.Join("; ", p.Standards.Select(s => $"{l["TraineeType." + s.Type]}: {l["Programs.YuanPerTrainee", Money(s.Yuan)]}")), p.TargetTotal };
            if (own) cells.Add(p.OwnTarget);
            cells.AddRange([l[p.RepeatRule ? "Program.On" : "Program.Off"].Value, p.Courses,
                Satisfaction.TryGetValue(p.Id, out var sat) && sat.SatisfiedShare is { } share ? (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : ""]);
            return (IReadOnlyList<object?>)cells;
        }));
        audit.Record(AuditAction.Export, nameof(TrainingProgram), null, new Services.Audit.AuditNote().With(Services.Audit.AuditNoteKeys.Format, format)
            .With(Services.Audit.AuditNoteKeys.Rows, rows.Count), scope.CountyCode);
        await db.SaveChangesAsync(ct);
        return Services.Spreadsheets.ExportLinks.File(sheet,
            await Services.Spreadsheets.ExportLinks.NameAsync(l, "Download.Programs", regions, ScopeCounty, clock, ct), csv: format == "csv");
    }

    /// <summary>The export link for <paramref name="format"/> (xlsx or csv) with the list's sort.</summary>
    public string ExportUrl(string format) => Services.Spreadsheets.ExportLinks.HandlerUrl("/Programs", Query, format);

    /// <summary>Every programme as a row, in the chosen order; fills <see cref="Satisfaction"/>.</summary>
    private async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        Satisfaction = await Services.Training.CourseResults.SatisfactionByProgramAsync(db);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Standards).Include(p => p.Targets)
            .OrderByDescending(p => p.Year).ThenBy(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).ToListAsync(ct);
        // The county filter applies to courses: county staff count their own.
        var courses = await db.Courses.AsNoTracking().Where(c => c.ProgramId != null)
            .GroupBy(c => c.ProgramId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var rows = programs.Select(p => new Row(p.Id, p.Name, p.Year, p.Budget, p.RepeatRuleApplies,
            p.Standards.OrderBy(s => s.TraineeType).Select(s => new Standard(s.TraineeType, s.YuanPerTrainee)).ToList(),
            (int)p.Targets.Sum(t => t.Value),
            ScopeCounty is null ? null : p.Targets.FirstOrDefault(t => t.CountyCode == ScopeCounty)?.Value is { } own ? (int)own : 0,
            courses.GetValueOrDefault(p.Id))).ToList();
        IEnumerable<Row> sorted = Sort switch
        {
            "name" => rows.OrderBy(r => r.Name, Comparer<string>.Create(Pinyin.Compare)),
            "budget" => rows.OrderBy(r => r.Budget),
            "target" => rows.OrderBy(r => r.TargetTotal),
            "courses" => rows.OrderBy(r => r.Courses),
            _ => rows.OrderBy(r => r.Year),
        };
        // Default: newest year first; any chosen key ascending unless Desc.
        return (Sort is "name" or "budget" or "target" or "courses" ? (Desc ? sorted.Reverse() : sorted) : (Desc ? sorted : sorted.Reverse())).ToList();
    }
}
