using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>fix37: a program's year carries its courses' spend and subsidy figures, so it stays once courses exist.</summary>
public sealed class ProgramYearTests
{
    [Fact]
    public void EnsureYearMayChange_WhenTheProgramHasCourses_RefusesANewYearNextToTheYear()
    {
        var program = new TrainingProgram { Name = "2027年高素质农民培育", Year = 2028 };

        var ex = Assert.Throws<DomainException>(() => program.EnsureYearMayChange(2027, hasCourses: true));

        Assert.Equal("Program.YearHasCourses", ex.MessageKey);
        Assert.Equal(nameof(TrainingProgram.Year), ex.Field);
    }

    [Fact]
    public void EnsureYearMayChange_AllowsTheSameYearWithCourses_AndANewYearWithoutCourses()
    {
        var program = new TrainingProgram { Name = "2027年高素质农民培育", Year = 2027 };

        program.EnsureYearMayChange(2027, hasCourses: true);
        program.EnsureYearMayChange(2026, hasCourses: false);
    }
}
