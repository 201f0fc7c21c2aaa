using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.UnitTests.Domain.Reports;

public sealed class AnnualTargetTests
{
    [Fact]
    public void A_count_target_is_capped_like_a_programme_target()
    {
        Assert.Equal(AnnualTarget.MaxCount, AnnualTarget.Create(2026, "330523000000", Indicator.PeopleTrained, AnnualTarget.MaxCount).Value);

        var error = Assert.Throws<DomainException>(() =>
            AnnualTarget.Create(2026, "330523000000", Indicator.PeopleTrained, 99999999999999999999999m));

        Assert.Equal("Target.OverMax", error.MessageKey);
        Assert.Equal(nameof(AnnualTarget.Value), error.Field);
    }
}
