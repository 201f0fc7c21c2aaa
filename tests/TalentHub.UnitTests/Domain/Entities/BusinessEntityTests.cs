using TalentHub.UnitTests.Builders;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.UnitTests.Domain.Entities;

public class BusinessEntityTests
{
    private static BusinessEntity Of(EntityType type) => BusinessEntityBuilder.Of(type);

    private static string Code(string first17) => CreditCode.Create(first17);

    private static string WithWrongCheckDigit(string code) => code[..17] + (code[17] == '0' ? '1' : '0');

    [Fact]
    public void ValidCode_IsStoredNormalized()
    {
        var code = Code("92330523MA2B3C4D5");
        var e = Of(EntityType.FamilyFarm);

        e.SetCreditCode("  " + code.ToLowerInvariant() + " ", warningConfirmed: false);

        Assert.Equal(code, e.CreditCode);
        Assert.False(e.CreditCodeWarningConfirmed);
    }

    [Theory]
    [InlineData("", "CreditCode.Empty")]
    [InlineData("92330523MA2B3C4", "CreditCode.WrongLength")]
    [InlineData("92330523MA2B3C4D5XX", "CreditCode.WrongLength")]
    [InlineData("92330523MA2B3C4DIO", "CreditCode.InvalidCharacters")]
    [InlineData("92330523MA2B3C4D-0", "CreditCode.InvalidCharacters")]
    public void WrongLengthOrAlphabet_IsAnError_EvenWhenConfirmed(string input, string key)
    {
        var e = Of(EntityType.FamilyFarm);

        var error = Assert.Throws<DomainException>(() => e.SetCreditCode(input, warningConfirmed: true));

        Assert.Equal(key, error.MessageKey);
        Assert.Equal("CreditCode", error.Field);
        Assert.Equal("", e.CreditCode);
    }

    [Fact]
    public void FailedCheckDigit_IsAWarning_ThatMustBeConfirmed()
    {
        var bad = WithWrongCheckDigit(Code("92330523MA2B3C4D5"));
        var e = Of(EntityType.FamilyFarm);

        var error = Assert.Throws<DomainException>(() => e.SetCreditCode(bad, warningConfirmed: false));
        Assert.Equal("CreditCode.CheckDigitWarning", error.MessageKey);

        e.SetCreditCode(bad, warningConfirmed: true);
        Assert.Equal(bad, e.CreditCode);
        Assert.True(e.CreditCodeWarningConfirmed);
    }

    [Fact]
    public void ConfirmingAValidCode_DoesNotMarkItAsAWarning()
    {
        var e = Of(EntityType.FamilyFarm);

        e.SetCreditCode(Code("91330523MA2B3C4D5"), warningConfirmed: true);

        Assert.False(e.CreditCodeWarningConfirmed);
    }

    [Theory]
    [InlineData("92330523MA2B3C4D5")]
    [InlineData("91330523MA2B3C4D5")]
    [InlineData("52330523MA2B3C4D5")]
    public void Cooperative_NeedsA93Code(string first17)
    {
        var e = Of(EntityType.Cooperative);

        Assert.Equal("CreditCode.CooperativePrefix", Assert.Throws<DomainException>(() => e.SetCreditCode(Code(first17), false)).MessageKey);
        e.SetCreditCode(Code("93330523MA2B3C4D5"), false);
        Assert.StartsWith("93", e.CreditCode);
    }

    [Theory]
    [InlineData("91330523MA2B3C4D5")]
    [InlineData("92330523MA2B3C4D5")]
    public void FamilyFarm_TakesA91Or92Code(string first17)
    {
        var e = Of(EntityType.FamilyFarm);

        e.SetCreditCode(Code(first17), false);

        Assert.Equal(Code(first17), e.CreditCode);
    }

    [Fact]
    public void FamilyFarm_RefusesA93Code()
    {
        var e = Of(EntityType.FamilyFarm);

        Assert.Equal("CreditCode.FamilyFarmPrefix",
            Assert.Throws<DomainException>(() => e.SetCreditCode(Code("93330523MA2B3C4D5"), false)).MessageKey);
    }

    [Theory]
    [InlineData(EntityType.LeadingEnterprise)]
    [InlineData(EntityType.ServiceOrganization)]
    public void OtherTypes_HaveNoPrefixRule(EntityType type)
    {
        var e = Of(type);

        e.SetCreditCode(Code("52330523MA2B3C4D5"), false);

        Assert.StartsWith("52", e.CreditCode);
    }

    /// <summary>The Asia/Shanghai date the date rules are checked against in these tests.</summary>
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public void RatingYear_AfterThisYear_IsRefused_ThisYearIsKept()
    {
        var e = Of(EntityType.FamilyFarm);

        var error = Assert.Throws<DomainException>(() => e.SetRating(DemonstrationLevel.County, 2027, Today));
        e.SetRating(DemonstrationLevel.County, 2026, Today);

        Assert.Equal("Entity.RatingYearInFuture", error.MessageKey);
        Assert.Equal("RatingYear", error.Field);
        Assert.Equal(2026, e.RatingYear);
    }

    [Fact]
    public void RegisteredOn_AfterToday_IsRefused_TodayIsKept()
    {
        var e = Of(EntityType.FamilyFarm);

        var error = Assert.Throws<DomainException>(() => e.SetRegisteredOn(Today.AddDays(1), Today));
        e.SetRegisteredOn(Today, Today);

        Assert.Equal("Entity.RegisteredInFuture", error.MessageKey);
        Assert.Equal("RegisteredOn", error.Field);
        Assert.Equal(Today, e.RegisteredOn);
    }

    [Fact]
    public void Rating_NeedsAYear()
    {
        var e = Of(EntityType.FamilyFarm);

        var error = Assert.Throws<DomainException>(() => e.SetRating(DemonstrationLevel.Provincial, null, Today));

        Assert.Equal("Entity.RatingYearRequired", error.MessageKey);
        Assert.Equal("RatingYear", error.Field);
        Assert.Null(e.Rating);
    }

    [Fact]
    public void Rating_WithYear_IsKept_AndClearingItDropsTheYear()
    {
        var e = Of(EntityType.FamilyFarm);

        e.SetRating(DemonstrationLevel.Provincial, 2025, Today);
        Assert.Equal((DemonstrationLevel.Provincial, 2025), (e.Rating!.Value, e.RatingYear!.Value));

        e.SetRating(null, 2025, Today);
        Assert.Null(e.Rating);
        Assert.Null(e.RatingYear);
    }

    [Fact]
    public void LinkingTheSamePersonInTheSameRoleTwice_IsRefused()
    {
        var e = Of(EntityType.Cooperative);
        e.Link(7, MemberRole.Leader);

        var error = Assert.Throws<DomainException>(() => e.Link(7, MemberRole.Leader));

        Assert.Equal("Entity.AlreadyLinked", error.MessageKey);
        Assert.Single(e.People);
    }

    [Fact]
    public void ThePersonCanHoldSeveralRoles()
    {
        var e = Of(EntityType.Cooperative);

        e.Link(7, MemberRole.Leader);
        e.Link(7, MemberRole.Member);

        Assert.Equal([MemberRole.Leader, MemberRole.Member], e.People.Select(p => p.Role));
    }

    [Fact]
    public void MoveTo_SetsTheCountyFromTheVillage()
    {
        var e = Of(EntityType.FamilyFarm);

        e.MoveTo("330523108204");

        Assert.Equal("330523000000", e.CountyCode);
        Assert.Equal("Entity.RegionMustBeInCounty", Assert.Throws<DomainException>(() => e.MoveTo("330500000000")).MessageKey);
    }

    [Theory]
    [InlineData(EntityType.Cooperative, true)]
    [InlineData(EntityType.FamilyFarm, false)]
    [InlineData(EntityType.LeadingEnterprise, false)]
    [InlineData(EntityType.ServiceOrganization, false)]
    public void Members_AreRecordedForCooperativesOnly(EntityType type, bool recorded)
    {
        var e = Of(type);

        if (recorded) e.SetMembers(120);
        else Assert.Equal("Entity.MembersCooperativeOnly", Assert.Throws<DomainException>(() => e.SetMembers(120)).MessageKey);

        Assert.Equal(recorded ? 120 : null, e.Members);
        e.SetMembers(null);
        Assert.Null(e.Members);
    }

    [Theory]
    [InlineData(EntityType.Cooperative, false)]
    [InlineData(EntityType.FamilyFarm, true)]
    [InlineData(EntityType.LeadingEnterprise, false)]
    [InlineData(EntityType.ServiceOrganization, false)]
    public void FamilyLabour_IsRecordedForFamilyFarmsOnly(EntityType type, bool recorded)
    {
        var e = Of(type);

        if (recorded) e.SetFamilyLabour(3);
        else Assert.Equal("Entity.FamilyLabourFamilyFarmOnly", Assert.Throws<DomainException>(() => e.SetFamilyLabour(3)).MessageKey);

        Assert.Equal(recorded ? 3 : null, e.FamilyLabour);
        e.SetFamilyLabour(null);
        Assert.Null(e.FamilyLabour);
    }
}
