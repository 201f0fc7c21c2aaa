using System.ComponentModel.DataAnnotations;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

public sealed class StepAttributeTests
{
    private sealed class Form
    {
        [Step("0.01"), Display(Name = "亩")] public decimal? Land { get; set; }
        [Step("0.5")] public decimal? Hours { get; set; }
    }

    private static List<ValidationResult> Validate(Form form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData("0.01", "1.23", true)]
    [InlineData("0.01", "1.234", false)]
    [InlineData("0.01", "100", true)]
    [InlineData("0.5", "1.5", true)]
    [InlineData("0.5", "1.3", false)]
    [InlineData("0.1", "-12.3", true)]
    [InlineData("0.1", "-12.35", false)]
    public void A_value_fits_when_it_is_a_whole_multiple_of_the_step(string step, string value, bool fits) =>
        Assert.Equal(fits, new StepAttribute(step).Fits(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Decimal_steps_count_their_places_and_other_steps_have_none()
    {
        Assert.Equal(2, new StepAttribute("0.01").Places);
        Assert.Equal(1, new StepAttribute("0.1").Places);
        Assert.Null(new StepAttribute("0.5").Places);
        Assert.Null(new StepAttribute("1").Places);
    }

    [Fact]
    public void A_form_value_off_the_step_is_an_error_on_its_own_field_and_empty_is_fine()
    {
        Assert.Empty(Validate(new Form { Land = 12.5m, Hours = null }));
        var errors = Validate(new Form { Land = 1.234m, Hours = 2.25m });
        Assert.Equal(["Land", "Hours"], errors.Select(e => e.MemberNames.Single()).Order().Reverse());
    }
}
