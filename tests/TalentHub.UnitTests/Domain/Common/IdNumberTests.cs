using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Domain.Common;

namespace TalentHub.UnitTests.Domain.Common;

public class IdNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void TryParse_WithWellKnownValidExample_Succeeds()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var id, out var error));

        Assert.Equal(IdNumberError.None, error);
        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex);
        Assert.Equal("110105", id.RegionPrefix);
    }

    [Theory]
    [InlineData("330523", 1990, 1, 1, 123, Sex.Male)]
    [InlineData("440305", 2000, 2, 29, 0, Sex.Female)]
    [InlineData("510104", 1900, 1, 1, 999, Sex.Male)]
    [InlineData("650102", 1985, 12, 31, 58, Sex.Female)]
    public void TryParse_WithNumberFromCreate_DerivesBirthDateSexAndRegion(
        string region, int year, int month, int day, int sequence, Sex sex)
    {
        var birth = new DateOnly(year, month, day);
        var created = IdNumber.Create(region, birth, sequence, sex);

        Assert.True(IdNumber.TryParse(created.Value, Today, out var id, out var error));

        Assert.Equal(IdNumberError.None, error);
        Assert.Equal(created, id);
        Assert.Equal(birth, id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(region, id.RegionPrefix);
    }

    [Theory]
    [InlineData(Sex.Male, true)]
    [InlineData(Sex.Female, false)]
    public void TryParse_DerivesSexFromParityOfSeventeenthDigit(Sex sex, bool seventeenthDigitIsOdd)
    {
        var created = IdNumber.Create("330523", new DateOnly(1990, 5, 20), 120, sex);

        Assert.True(IdNumber.TryParse(created.Value, Today, out var id, out _));

        Assert.Equal(seventeenthDigitIsOdd, (created.Value[16] - '0') % 2 == 1);
        Assert.Equal(sex, id.Sex);
    }

    [Fact]
    public void TryParse_WithLowerCaseX_NormalizesToUpperCase()
    {
        Assert.True(IdNumber.TryParse("11010519491231002x", Today, out var id, out _));

        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void TryParse_WithSurroundingWhitespace_TrimsValue()
    {
        Assert.True(IdNumber.TryParse("  11010519491231002X \t", Today, out var id, out _));

        Assert.Equal("11010519491231002X", id.Value);
    }

    /// <summary>An ID number copied from a document or typed in groups (fix18): every kind of space, invisible characters and dashes are dropped.</summary>
    [Theory]
    [InlineData("110105 19491231 002X")]
    [InlineData("110105 1949 1231 002 X")]
    [InlineData("110105\u300019491231\u3000002X")] // ideographic space
    [InlineData("110105\u00A019491231\u00A0002X")] // no-break space
    [InlineData("110105\u202F19491231\t002X")]     // narrow no-break space, tab
    [InlineData("110105\u200B19491231\u2060002X")] // zero-width space, word joiner
    [InlineData("110105-19491231-002x")]
    [InlineData("110105\uFF0D19491231\uFF0D002X")] // full-width hyphen-minus
    [InlineData("110105\u201019491231\u2014002X")] // hyphen, em dash
    [InlineData("110105\u221219491231\u2013002X")] // minus sign, en dash
    [InlineData("１１０１０５　１９４９１２３１　００２Ｘ")]
    public void TryParse_WithSeparatorsBetweenTheDigits_TakesTheCanonicalNumber(string input)
    {
        Assert.True(IdNumber.TryParse(input, Today, out var id, out var error));

        Assert.Equal(IdNumberError.None, error);
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Theory]
    [InlineData("110105 19491231 0020", IdNumberError.CheckDigitMismatch)]
    [InlineData("330523 900101 123", IdNumberError.OldFifteenDigit)]
    [InlineData("110105-19491231-002", IdNumberError.WrongLength)]
    [InlineData(" - \u3000\u200B", IdNumberError.Empty)]
    public void TryParse_WithSeparators_StillChecksWhatIsLeft(string input, IdNumberError expected)
    {
        AssertRejected(input, expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_WithNullOrBlankInput_ReturnsEmpty(string? input)
    {
        AssertRejected(input, IdNumberError.Empty);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("11010519491231")]
    [InlineData("11010549123100X")] // 15 characters but not an old number (X is never in one)
    public void TryParse_WithWrongLength_ReturnsWrongLength(string input)
    {
        AssertRejected(input, IdNumberError.WrongLength);
    }

    [Theory]
    [InlineData("110105491231002")]
    [InlineData(" 330523900101123 ")]
    public void TryParse_WithOldFifteenDigitNumber_SaysItMustBeConverted(string input)
    {
        AssertRejected(input, IdNumberError.OldFifteenDigit);
    }

    [Theory]
    [InlineData("99999919900101123")]
    [InlineData("00052319900101123")]
    [InlineData("10052319900101123")]
    [InlineData("16052319900101123")]
    [InlineData("24052319900101123")]
    [InlineData("38052319900101123")]
    [InlineData("55052319900101123")]
    [InlineData("70052319900101123")]
    [InlineData("84052319900101123")]
    public void TryParse_WithNoProvinceCodeFirst_IsRejected_EvenWithValidCheckDigit(string first17)
    {
        AssertRejected(WithValidCheckDigit(first17), IdNumberError.InvalidProvince);
    }

    [Theory]
    [InlineData("11")] [InlineData("15")] [InlineData("21")] [InlineData("23")] [InlineData("31")] [InlineData("37")]
    [InlineData("41")] [InlineData("46")] [InlineData("50")] [InlineData("54")] [InlineData("61")] [InlineData("65")]
    [InlineData("71")] [InlineData("81")] [InlineData("82")] [InlineData("83")]
    public void TryParse_WithEachEndOfTheProvinceRanges_Succeeds(string province)
    {
        // 81–83 begin only the residence permits' 810000 / 820000 / 830000 (polish32).
        var address = province[0] == '8' ? province + "0000" : province + "0523";
        Assert.True(IdNumber.TryParse(WithValidCheckDigit(address + "19900101123"), Today, out _, out var error));
        Assert.Equal(IdNumberError.None, error);
    }

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002Y")]
    [InlineData("X10105194912310021")]
    [InlineData("110105_1949123100X")] // only spaces, invisible characters and dashes are separators
    [InlineData("110105.1949123100X")]
    [InlineData("11010519491231002Ａ")] // full-width A (NFKC makes it a letter, still not a digit)
    public void TryParse_WithNonDigitCharacters_ReturnsInvalidCharacters(string input)
    {
        AssertRejected(input, IdNumberError.InvalidCharacters);
    }

    [Theory]
    [InlineData("19491331")] // month 13
    [InlineData("19490230")] // 30 February
    [InlineData("19000229")] // 1900 was not a leap year
    [InlineData("18991231")] // before 1900
    [InlineData("00000000")]
    public void TryParse_WithImpossibleOrTooEarlyBirthDate_ReturnsInvalidBirthDate(string yyyyMMdd)
    {
        AssertRejected(WithValidCheckDigit("110105" + yyyyMMdd + "002"), IdNumberError.InvalidBirthDate);
    }

    [Fact]
    public void TryParse_WithFutureBirthDate_ReturnsInvalidBirthDate()
    {
        var tomorrow = Today.AddDays(1);
        var id = IdNumber.Create("110105", tomorrow, 1, Sex.Male);

        AssertRejected(id.Value, IdNumberError.InvalidBirthDate);
    }

    [Fact]
    public void TryParse_WithBirthDateToday_Succeeds()
    {
        var id = IdNumber.Create("110105", Today, 1, Sex.Male);

        Assert.True(IdNumber.TryParse(id.Value, Today, out _, out var error));
        Assert.Equal(IdNumberError.None, error);
    }

    [Fact]
    public void TryParse_WithAClock_TakesTodayInShanghai_NotInUtcOrOnTheServer()
    {
        // 23:30 UTC on 1 March is already 2 March in Shanghai (review14: three different "today"s).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));
        var bornToday = IdNumber.Create("110105", new DateOnly(2026, 3, 2), 1, Sex.Male);
        var bornTomorrow = IdNumber.Create("110105", new DateOnly(2026, 3, 3), 1, Sex.Male);

        Assert.True(IdNumber.TryParse(bornToday.Value, clock, out _, out _));
        Assert.False(IdNumber.TryParse(bornTomorrow.Value, clock, out _, out var error));
        Assert.Equal(IdNumberError.InvalidBirthDate, error);
    }

    [Theory]
    [InlineData("110105194912310020")]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    public void TryParse_WithWrongCheckDigit_ReturnsCheckDigitMismatch(string input)
    {
        AssertRejected(input, IdNumberError.CheckDigitMismatch);
    }

    [Theory]
    [InlineData("11010519491231002", "X")]
    [InlineData("33052319900101123", "8")]
    public void ComputeCheckDigit_ReturnsCheckCharacterForFirst17Digits(string first17, string expected)
    {
        Assert.Equal(expected, IdNumber.ComputeCheckDigit(first17));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    public void ComputeCheckDigit_WithMalformedInput_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => IdNumber.ComputeCheckDigit(first17));
    }

    [Theory]
    [InlineData(122, Sex.Male, "123")]
    [InlineData(123, Sex.Male, "123")]
    [InlineData(123, Sex.Female, "122")]
    [InlineData(0, Sex.Male, "001")]
    [InlineData(999, Sex.Female, "998")]
    public void Create_AdjustsParityOfSequenceToMatchSex(int sequence, Sex sex, string expectedSequence)
    {
        var id = IdNumber.Create("330523", new DateOnly(1990, 1, 1), sequence, sex);

        Assert.Equal("33052319900101" + expectedSequence, id.Value[..17]);
        Assert.Equal(sex, id.Sex);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000)]
    public void Create_WithSequenceOutOfRange_Throws(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => IdNumber.Create("330523", new DateOnly(1990, 1, 1), sequence, Sex.Male));
    }

    [Theory]
    [InlineData("33052")]
    [InlineData("3305231")]
    [InlineData("33052A")]
    public void Create_WithMalformedRegionPrefix_Throws(string region)
    {
        Assert.Throws<ArgumentException>(() => IdNumber.Create(region, new DateOnly(1990, 1, 1), 1, Sex.Male));
    }

    [Fact]
    public void Create_WithBirthDateBefore1900_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => IdNumber.Create("330523", new DateOnly(1899, 12, 31), 1, Sex.Male));
    }

    [Fact]
    public void ToString_ReturnsValue()
    {
        var id = IdNumber.Create("330523", new DateOnly(1990, 1, 1), 123, Sex.Male);

        Assert.Equal(id.Value, id.ToString());
    }

    [Fact]
    public void TryParse_WithForeignPermanentResidentNumber_DerivesBirthDateSexProvinceAndNationality()
    {
        // 2023 card: "9", issuing province 11 (Beijing), nationality 840 (United States), born 1985-03-12, sequence 12, sex digit 3.
        var number = WithValidCheckDigit("91184019850312123");

        Assert.True(IdNumber.TryParse(number, Today, out var id, out var error));

        Assert.Equal(IdNumberError.None, error);
        Assert.True(id.IsForeignPermanentResident);
        Assert.Equal(new DateOnly(1985, 3, 12), id.BirthDate);
        Assert.Equal(Sex.Male, id.Sex);
        Assert.Equal("11", id.ProvinceCode);
        Assert.Equal("840", id.NationalityCode);
        Assert.Null(id.RegionPrefix); // names no county
    }

    [Theory]
    [InlineData("81000019900101123", "81")] // Hong Kong
    [InlineData("82000019900101123", "82")] // Macao
    [InlineData("83000019900101123", "83")] // Taiwan
    public void TryParse_WithHkMacaoTaiwanResidencePermitNumber_NamesNoCounty(string first17, string province)
    {
        // 港澳台居民居住证 (2018): GB 11643's structure with the address code 810000 / 820000 / 830000, which is no mainland county.
        Assert.True(IdNumber.TryParse(WithValidCheckDigit(first17), Today, out var id, out var error));

        Assert.Equal(IdNumberError.None, error);
        Assert.Equal(IdNumberKind.HkMacaoTaiwanResidencePermit, id.Kind);
        Assert.Null(id.RegionPrefix);
        Assert.False(id.IsForeignPermanentResident);
        Assert.Equal(province, id.ProvinceCode);
        Assert.Equal(new DateOnly(1990, 1, 1), id.BirthDate);
        Assert.Null(id.NationalityCode);
    }

    [Theory]
    [InlineData("81010119900101123")] // 81 but not 810000
    [InlineData("82123419900101123")]
    [InlineData("83000119900101123")]
    [InlineData("81100019900101123")]
    public void TryParse_With81To83ButNotAResidencePermitsAddressCode_IsRejected(string first17)
    {
        // polish32: 81xxxx–83xxxx other than 810000 / 820000 / 830000 is neither a residence permit nor a mainland county.
        AssertRejected(WithValidCheckDigit(first17), IdNumberError.InvalidProvince);
    }

    [Fact]
    public void Kind_TellsResidentAndForeignPermanentResidentNumbersApart()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var resident, out _));
        Assert.True(IdNumber.TryParse(WithValidCheckDigit("91184019850312123"), Today, out var foreign, out _));

        Assert.Equal(IdNumberKind.Resident, resident.Kind);
        Assert.Equal("110105", resident.RegionPrefix);
        Assert.Equal(IdNumberKind.ForeignPermanentResident, foreign.Kind);
    }

    [Fact]
    public void TryParse_WithResidentNumber_IsNotForeignAndHasNoNationality()
    {
        Assert.True(IdNumber.TryParse("11010519491231002X", Today, out var id, out _));

        Assert.False(id.IsForeignPermanentResident);
        Assert.Equal("11", id.ProvinceCode);
        Assert.Null(id.NationalityCode);
    }

    [Fact]
    public void TryParse_WithForeignPermanentResidentNumberAndWrongCheckDigit_IsRejected()
    {
        var number = WithValidCheckDigit("94409219900101224");
        var wrong = number[..17] + (number[17] == '0' ? '1' : '0');

        AssertRejected(wrong, IdNumberError.CheckDigitMismatch);
    }

    [Theory]
    [InlineData("90084019850312123")] // province 00
    [InlineData("99984019850312123")] // province 99
    [InlineData("97184019850312123")] // Taiwan issues no mainland permanent residence card
    [InlineData("91100019850312123")] // nationality 000
    public void TryParse_WithForeignPermanentResidentNumberAndUnknownProvince_IsRejected(string first17)
    {
        AssertRejected(WithValidCheckDigit(first17), IdNumberError.InvalidProvince);
    }

    [Theory]
    [InlineData("91184019850230123")] // 30 February
    [InlineData("91184018991231123")] // before 1900
    [InlineData("91184020250616123")] // after today
    public void TryParse_WithForeignPermanentResidentNumberAndBadBirthDate_IsRejected(string first17)
    {
        AssertRejected(WithValidCheckDigit(first17), IdNumberError.InvalidBirthDate);
    }

    private static void AssertRejected(string? input, IdNumberError expected)
    {
        Assert.False(IdNumber.TryParse(input, Today, out var id, out var error));
        Assert.Null(id);
        Assert.Equal(expected, error);
    }

    private static string WithValidCheckDigit(string first17) => first17 + IdNumber.ComputeCheckDigit(first17);
}
