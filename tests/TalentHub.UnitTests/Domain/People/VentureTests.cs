using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;

namespace TalentHub.UnitTests.Domain.People;

public sealed class VentureTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(null)]
    [InlineData("2026-12-02")]
    [InlineData("2003-06-01")]
    public void A_return_up_to_today_passes(string? on) => Venture.CheckReturnedOn(on is null ? null : DateOnly.Parse(on), Today);

    [Fact]
    public void A_return_after_today_is_refused_on_its_field()
    {
        var error = Assert.Throws<DomainException>(() => Venture.CheckReturnedOn(Today.AddDays(1), Today));

        Assert.Equal("Person.Venture.ReturnedInFuture", error.MessageKey);
        Assert.Equal("ReturnedOn", error.Field);
    }
}
