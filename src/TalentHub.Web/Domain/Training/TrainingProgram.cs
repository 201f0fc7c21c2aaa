namespace TalentHub.Web.Domain.Training;

/// <summary>A funded programme for one year (e.g. 2027年高素质农民培育) with subsidy standards and county targets.</summary>
public sealed class TrainingProgram : IAudited, IVersioned
{
    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    /// <summary>万元.</summary>
    public decimal Budget { get; set; }
    /// <summary>不得重复培训: when on, the repeat rule applies to this programme's courses.</summary>
    public bool RepeatRuleApplies { get; set; } = true;
    public List<SubsidyStandard> Standards { get; private set; } = [];
    public List<CountyTarget> Targets { get; private set; } = [];
    /// <summary>Starts at 1 for a new program; moved on by the stamps interceptor.</summary>
    public int Version { get; set; } = 1;

    public void SetStandard(TraineeType type, decimal yuanPerTrainee)
    {
        if (yuanPerTrainee < 0) throw new DomainException("Program.NegativeSubsidy", nameof(Standards));
        Standards.RemoveAll(s => s.TraineeType == type);
        Standards.Add(new SubsidyStandard { TraineeType = type, YuanPerTrainee = yuanPerTrainee });
    }

    public void SetTarget(string countyCode, int trainees)
    {
        if (trainees < 0) throw new DomainException("Program.NegativeTarget", nameof(Targets));
        Targets.RemoveAll(t => t.CountyCode == countyCode);
        Targets.Add(new CountyTarget { CountyCode = countyCode, Trainees = trainees });
    }
}

public sealed class SubsidyStandard
{
    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public TraineeType TraineeType { get; init; }
    public decimal YuanPerTrainee { get; init; }
}

public sealed class CountyTarget
{
    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public required string CountyCode { get; init; }
    public int Trainees { get; init; }
}
