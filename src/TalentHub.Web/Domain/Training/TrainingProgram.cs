using TalentHub.Web.Domain.Reports;

namespace TalentHub.Web.Domain.Training;

/// <summary>A funded programme for one year (e.g. 2027年高素质农民培育) with subsidy standards and county targets.</summary>
public sealed class TrainingProgram : IAudited, IVersioned, IStamped
{
    public int Id { get; private set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    /// <summary>万元.</summary>
    public decimal Budget { get; set; }
    /// <summary>不得重复培训: when on, the repeat rule applies to this programme's courses.</summary>
    public bool RepeatRuleApplies { get; set; } = true;
    public List<SubsidyStandard> Standards { get; private set; } = [];
    /// <summary>Per-county trainee targets: rows of the one target model (<see cref="AnnualTarget"/>, indicator PeopleTrained).</summary>
    public List<AnnualTarget> Targets { get; private set; } = [];
    /// <summary>Starts at 1 for a new program; moved on by the stamps interceptor.</summary>
    public int Version { get; set; } = 1;
    /// <summary>UTC instant; stamped by the stamps interceptor (programs made before the Api2 migration carry its run time).</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>UTC instant of the last saved change, the program's standards and targets included (the form saves them with the program's version).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Sets the subsidy per trainee of a type, in 元 (replacing any earlier one for that type). Throws
    /// <see cref="DomainException"/> <c>Program.NegativeSubsidy</c> for a negative amount.
    /// </summary>
    public void SetStandard(TraineeType type, decimal yuanPerTrainee)
    {
        if (yuanPerTrainee < 0) throw new DomainException("Program.NegativeSubsidy", nameof(Standards));
        Standards.RemoveAll(s => s.TraineeType == type);
        Standards.Add(new SubsidyStandard { TraineeType = type, YuanPerTrainee = yuanPerTrainee });
    }

    /// <summary>
    /// Sets a county's trainee target (people) for the program's year, kept as an <see cref="AnnualTarget"/> of indicator
    /// PeopleTrained. Throws <see cref="DomainException"/> <c>Program.NegativeTarget</c> for a negative number.
    /// </summary>
    public void SetTarget(string countyCode, int trainees)
    {
        if (trainees < 0) throw new DomainException("Program.NegativeTarget", nameof(Targets));
        var current = Targets.FirstOrDefault(t => t.CountyCode == countyCode);
        if (current is not null && current.Year == Year) { current.SetValue(trainees); return; }
        if (current is not null) Targets.Remove(current);
        Targets.Add(AnnualTarget.Create(Year, countyCode, Indicator.PeopleTrained, trainees));
    }

    /// <summary>
    /// Refuses moving a program that already has courses from <paramref name="storedYear"/> (the year it is saved with) to
    /// its current <see cref="Year"/>: its courses' spend per trainee and subsidy figures are reported under the program's year,
    /// so the change would silently move them all to another year. Throws <see cref="DomainException"/>
    /// <c>Program.YearHasCourses</c> (field Year) then; a program without courses may change its year.
    /// </summary>
    public void EnsureYearMayChange(int storedYear, bool hasCourses)
    {
        if (hasCourses && storedYear != Year) throw new DomainException("Program.YearHasCourses", nameof(Year));
    }

    /// <summary>After the program's year changed, its county targets move to that year (same values).</summary>
    public void AlignTargetsWithYear()
    {
        foreach (var stale in Targets.Where(t => t.Year != Year).ToList())
        {
            Targets.Remove(stale);
            Targets.Add(AnnualTarget.Create(Year, stale.CountyCode, stale.Indicator, stale.Value));
        }
    }
}

/// <summary>A program's subsidy per trainee of one <see cref="TraineeType"/>, in 元 (e.g. 经营管理型 ¥5,000).</summary>
public sealed class SubsidyStandard
{
    public int Id { get; private set; }
    public int ProgramId { get; private set; }
    public TraineeType TraineeType { get; init; }
    public decimal YuanPerTrainee { get; init; }
}
