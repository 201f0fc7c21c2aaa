using TalentHub.Web.Infrastructure;
using System.ComponentModel.DataAnnotations;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Pages.Training.Programs;

/// <summary>The fields of the program create and edit forms (PRODUCT.md §5).</summary>
public sealed class ProgramInput
{
    private const string Required = "Validation.Required";
    private const string OutOfRange = "Program.OutOfRange";

    [Required(ErrorMessage = Required), StringLength(100, ErrorMessage = "Validation.TooLong"), Display(Name = "Program.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = Required), Range(Domain.Common.PlanningYears.First, Domain.Common.PlanningYears.Last, ErrorMessage = OutOfRange), Display(Name = "Program.Year")]
    public int? Year { get; set; }

    /// <summary>万元.</summary>
    [Required(ErrorMessage = Required), Range(0d, 1e10, ErrorMessage = OutOfRange), Step("0.01"), Display(Name = "Program.Budget")]
    public decimal? Budget { get; set; }

    [Display(Name = "Program.RepeatRule")] public bool RepeatRuleApplies { get; set; } = true;

    /// <summary>One row per trainee type; an empty amount means no standard for that type.</summary>
    public List<StandardRow> Standards { get; set; } = [];
    /// <summary>One row per county; an empty number means no target.</summary>
    public List<TargetRow> Targets { get; set; } = [];
    public int Version { get; set; }

    public static ProgramInput From(TrainingProgram p) => new()
    {
        Name = p.Name, Year = p.Year, Budget = p.Budget, RepeatRuleApplies = p.RepeatRuleApplies, Version = p.Version,
        Standards = p.Standards.Select(s => new StandardRow { Type = s.TraineeType, Yuan = s.YuanPerTrainee }).ToList(),
        Targets = p.Targets.Select(t => new TargetRow { County = t.CountyCode, Trainees = (int)t.Value }).ToList(),
    };
}

public sealed class StandardRow
{
    public TraineeType Type { get; set; }
    [Range(0d, 1e9, ErrorMessage = "Program.OutOfRange"), Step("0.01"), Display(Name = "Program.YuanPerTrainee")] public decimal? Yuan { get; set; }
}

public sealed class TargetRow
{
    public string County { get; set; } = "";
    [Range(0, 1_000_000, ErrorMessage = "Program.OutOfRange"), Display(Name = "Program.Target")] public int? Trainees { get; set; }
}
