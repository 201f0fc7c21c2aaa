using TalentHub.Web.Domain;
using TalentHub.Web.Domain.People;

namespace TalentHub.UnitTests.Domain.People;

/// <summary>
/// The person keeps its own rules whoever calls it (form, import, sign-up, seed): the place is a village, the mobile
/// a mainland mobile; a refused value leaves the record as it was.
/// </summary>
public sealed class PersonPlaceAndMobileTests
{
    private const string Yucun = "330523108204";

    private static string Hash(string normalized) => "h:" + normalized;

    [Theory]
    [InlineData("330523108000")] // 天荒坪镇: a township
    [InlineData("330523000000")] // 安吉县: a county
    [InlineData("330500000000")] // the city
    [InlineData("33052310820")]  // 11 digits
    [InlineData("３３０５２３１０８２０４")] // full-width digits are not a code
    [InlineData("")]
    public void MoveTo_RefusesAnythingButAVillage_AndKeepsThePlace(string code)
    {
        var person = new Person();
        person.MoveTo(Yucun);

        var error = Assert.Throws<DomainException>(() => person.MoveTo(code));

        Assert.Equal(("Person.VillageInvalid", "RegionCode"), (error.MessageKey, error.Field));
        Assert.Equal((Yucun, "330523000000"), (person.RegionCode, person.CountyCode));
    }

    [Fact]
    public void MoveTo_AVillage_SetsItsCounty()
    {
        var person = new Person();
        person.MoveTo("330502100227");
        Assert.Equal(("330502100227", "330502000000"), (person.RegionCode, person.CountyCode));
    }

    [Theory]
    [InlineData("13912345678")]
    [InlineData("139 1234 5678")]
    [InlineData("139-1234-5678")]
    [InlineData("+86 139 1234 5678")]
    [InlineData("１３９１２３４５６７８")]
    public void SetMobile_StoresTheElevenDigits_WithTheHashOfThemAndTheTail(string typed)
    {
        var person = new Person();
        person.SetMobile(typed, Hash);
        Assert.Equal(("13912345678", "h:13912345678", "5678"), (person.Mobile, person.MobileHash, person.MobileTail));
    }

    [Theory]
    [InlineData("1391234567")]   // 10 digits
    [InlineData("139123456789")] // 12 digits
    [InlineData("23912345678")]  // not starting 1
    [InlineData("12912345678")]  // 1 then 2
    [InlineData("1391234567a")]
    [InlineData("١٣٩١٢٣٤٥٦٧٨")]  // Arabic-Indic digits
    public void SetMobile_RefusesAnythingElse_WithTheFieldName_AndKeepsTheNumber(string typed)
    {
        var person = new Person();
        person.SetMobile("13912345678", Hash);

        var error = Assert.Throws<DomainException>(() => person.SetMobile(typed, Hash));

        Assert.Equal(("Person.MobileInvalid", "Mobile"), (error.MessageKey, error.Field));
        Assert.Equal(("13912345678", "h:13912345678", "5678"), (person.Mobile, person.MobileHash, person.MobileTail));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void SetMobile_Blank_ClearsNumberHashAndTail(string? typed)
    {
        var person = new Person();
        person.SetMobile("13912345678", Hash);
        person.SetMobile(typed, Hash);
        Assert.Equal((null, null, null), (person.Mobile, person.MobileHash, person.MobileTail));
    }
}
