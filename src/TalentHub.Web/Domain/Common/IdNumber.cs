using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Domain.Common;

/// <summary>
/// An 18-character ID number of GB 11643-1999's structure: a mainland China resident ID number (a 6-digit GB/T 2260
/// address code, the birth date yyyyMMdd, a 3-digit sequence whose last digit is odd for men, the ISO 7064 MOD 11-2
/// check character), or a foreign permanent resident ID card number (外国人永久居留身份证, 2023 edition: "9", the 2-digit
/// GB/T 2260 province code of the issuing province, the 3-digit GB/T 2659 numeric nationality code, then birth date,
/// sequence and check character as above; National Immigration Administration announcement on the 2023 card,
/// effective 2023-12-01), or a residence permit number of a Hong Kong, Macao or Taiwan resident (港澳台居民居住证: the State
/// Council General Office's 《港澳台居民居住证申领发放办法》, 2018-08-06, effective 2018-09-01 — 18 digits of GB 11643's
/// structure whose address code is 810000 for Hong Kong, 820000 for Macao, 830000 for Taiwan). Neither a foreign permanent
/// resident's nor a residence permit's number names a mainland county, so <see cref="RegionPrefix"/> is null for them;
/// <see cref="Kind"/> says which kind of number it is.
/// </summary>
public sealed record IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    private static readonly DateOnly MinBirthDate = new(1900, 1, 1);

    private IdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        Kind = KindOf(value);
        IsForeignPermanentResident = Kind == IdNumberKind.ForeignPermanentResident;
        ProvinceCode = IsForeignPermanentResident ? value[1..3] : value[..2];
        RegionPrefix = Kind == IdNumberKind.Resident ? value[..6] : null;
        NationalityCode = IsForeignPermanentResident ? value[3..6] : null;
    }

    /// <summary>The address codes of the Hong Kong, Macao and Taiwan residents' residence permits (港澳台居民居住证, 2018).</summary>
    public static readonly IReadOnlySet<string> ResidencePermitPrefixes = new HashSet<string> { "810000", "820000", "830000" };

    /// <summary>
    /// Which kind of number <paramref name="value"/> is, from its first digits: a stored number (already validated when it
    /// was saved), for naming it on a page (居民身份证号 / 港澳台居民居住证号 / 外国人永久居留身份证号). Too short to tell: a resident's.
    /// </summary>
    public static IdNumberKind KindOf(string? value) =>
        value is not { Length: >= 6 } ? IdNumberKind.Resident
        : value[0] == ForeignPermanentResidentLead ? IdNumberKind.ForeignPermanentResident
        : ResidencePermitPrefixes.Contains(value[..6]) ? IdNumberKind.HkMacaoTaiwanResidencePermit
        : IdNumberKind.Resident;

    /// <summary>The first character of a foreign permanent resident ID card number (2023 edition).</summary>
    public const char ForeignPermanentResidentLead = '9';

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    /// <summary>
    /// The 6-digit GB/T 2260 address code of a resident ID number (the county where it was first issued); null for a
    /// foreign permanent resident's number, whose first six digits are "9", a province and a nationality, not a county, and
    /// for a Hong Kong, Macao or Taiwan resident's residence permit number (810000 / 820000 / 830000 name no mainland county).
    /// </summary>
    public string? RegionPrefix { get; }

    /// <summary>
    /// The 2-digit GB/T 2260 province code: digits 1–2 of a resident ID number, digits 2–3 of a foreign permanent resident's;
    /// for a residence permit number "81" (Hong Kong), "82" (Macao) or "83" (Taiwan), the holder's home region, not an issuing province.
    /// </summary>
    public string ProvinceCode { get; }

    /// <summary>Which kind of number this is: a mainland resident ID, a foreign permanent resident ID or a HK/Macao/Taiwan residence permit.</summary>
    public IdNumberKind Kind { get; }

    /// <summary>Whether this is a foreign permanent resident ID card number (2023 edition, starting with "9").</summary>
    public bool IsForeignPermanentResident { get; }

    /// <summary>The 3-digit GB/T 2659 numeric nationality code of a foreign permanent resident's number (digits 4–6); null otherwise.</summary>
    public string? NationalityCode { get; }

    /// <summary>The holder's age in whole years on <paramref name="day"/> (from the birth date in the number; see <see cref="Training.EnrollmentRules.AgeOn"/>).</summary>
    public int AgeOn(DateOnly day) => Training.EnrollmentRules.AgeOn(BirthDate, day);

    /// <summary>
    /// Parses an ID number after normalizing it (<see cref="Compact"/>: full-width digits, spaces of every kind, invisible
    /// characters and hyphens; a lower-case x upper-cased): 17 digits with a valid birth date (1900-01-01 to
    /// today in Asia/Shanghai by <paramref name="clock"/>), a GB/T 2260 province code first (<see cref="IsProvinceCode"/>) —
    /// or "9", a mainland province code (11–65) and a nationality code other than "000" for a foreign permanent resident — and the
    /// GB 11643 check character; an old 15-digit number is refused with <see cref="IdNumberError.OldFifteenDigit"/>. False with the reason otherwise.
    /// </summary>
    public static bool TryParse(string? input, TimeProvider clock, [NotNullWhen(true)] out IdNumber? id, out IdNumberError error) =>
        TryParse(input, clock.ShanghaiToday(), out id, out error);

    /// <summary>As <see cref="TryParse(string?, TimeProvider, out IdNumber?, out IdNumberError)"/>, with the birth date's upper bound given.</summary>
    /// <param name="today">Upper bound for the birth date (the Asia/Shanghai date; <see cref="DateOnly.MaxValue"/> for none).</param>
    public static bool TryParse(
        string? input, DateOnly today, [NotNullWhen(true)] out IdNumber? id, out IdNumberError error)
    {
        id = null;
        error = Validate(input, today, out var value, out var birthDate);
        if (error != IdNumberError.None)
        {
            return false;
        }

        id = new IdNumber(value, birthDate);
        return true;
    }

    /// <summary>
    /// The GB 11643 check character ("0"–"9" or "X", ISO 7064 MOD 11-2) of the first 17 digits. Throws
    /// <see cref="ArgumentException"/> unless <paramref name="first17"/> is exactly 17 ASCII digits.
    /// </summary>
    public static string ComputeCheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11].ToString();
    }

    /// <summary>Builds a valid ID number, e.g. for seed data and test builders.</summary>
    /// <remarks>The sequence's last digit is the sex digit, so its parity is flipped when it disagrees with <paramref name="sex"/>.</remarks>
    public static IdNumber Create(string regionPrefix6, DateOnly birth, int sequence3, Sex sex)
    {
        ArgumentNullException.ThrowIfNull(regionPrefix6);
        if (regionPrefix6.Length != 6 || !regionPrefix6.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected exactly 6 ASCII digits.", nameof(regionPrefix6));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(birth, MinBirthDate);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence3, 999);

        var isOdd = sequence3 % 2 == 1;
        if (isOdd != (sex == Sex.Male))
        {
            sequence3 ^= 1; // stays within the same decade, so always within 0–999
        }

        var first17 = $"{regionPrefix6}{birth:yyyyMMdd}{sequence3:D3}";
        return new IdNumber(first17 + ComputeCheckDigit(first17), birth);
    }

    public override string ToString() => Value;

    /// <summary>
    /// The characters of an ID number as a person may type or paste it ("330523 19900101 123X" copied from a document,
    /// "330523-19900101-123x", with ideographic or no-break spaces or zero-width characters): Unicode NFKC with invisible
    /// characters removed (<see cref="TextNormalizer.Normalize"/>), then every white-space character (<see cref="char.IsWhiteSpace(char)"/>)
    /// and every dash (Unicode category Pd, and U+2212 minus) dropped, upper-cased. Nothing else is changed, so what is
    /// left still has to pass the checks of <see cref="TryParse(string?, DateOnly, out IdNumber?, out IdNumberError)"/>;
    /// "" for null or blank input.
    /// </summary>
    public static string Compact(string? input)
    {
        var text = TextNormalizer.Normalize(input).ToUpperInvariant();
        if (!text.Any(IsSeparator)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!IsSeparator(c)) builder.Append(c);
        return builder.ToString();
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c == '\u2212' || char.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    private static IdNumberError Validate(string? input, DateOnly today, out string value, out DateOnly birthDate)
    {
        value = string.Empty;
        birthDate = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return IdNumberError.Empty;
        }

        value = Compact(input);
        if (value.Length == 0)
        {
            return IdNumberError.Empty;
        }

        if (value.Length == 15 && value.All(char.IsAsciiDigit))
        {
            return IdNumberError.OldFifteenDigit;
        }

        if (value.Length != Length)
        {
            return IdNumberError.WrongLength;
        }

        var first17 = value[..17];
        if (!first17.All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return IdNumberError.InvalidCharacters;
        }

        if (value[0] == ForeignPermanentResidentLead)
        {
            // 2023 foreign permanent resident ID card: "9", the issuing (mainland) province, then the nationality (GB/T 2659 numeric).
            var province = int.Parse(value.AsSpan(1, 2));
            if (!IsProvinceCode(province) || province >= 71 || value.AsSpan(3, 3).SequenceEqual("000"))
            {
                return IdNumberError.InvalidProvince;
            }
        }
        else if (!IsProvinceCode(int.Parse(value.AsSpan(0, 2))))
        {
            return IdNumberError.InvalidProvince;
        }
        else if (value[0] == '8' && !ResidencePermitPrefixes.Contains(value[..6]))
        {
            // 81/82/83 begin only the residence permits' 810000 / 820000 / 830000 (polish32: 812345… passed, naming neither a
            // permit nor a mainland county).
            return IdNumberError.InvalidProvince;
        }

        if (!TryReadBirthDate(value, out birthDate) || birthDate < MinBirthDate || birthDate > today)
        {
            return IdNumberError.InvalidBirthDate;
        }

        return ComputeCheckDigit(first17)[0] == value[17] ? IdNumberError.None : IdNumberError.CheckDigitMismatch;
    }

    /// <summary>
    /// Whether the first two digits name a province-level division of GB/T 2260 (the codes GB 11643 numbers start with):
    /// 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao), and 83, which the residence
    /// permits of Taiwan residents carry (港澳台居民居住证: 810000, 820000, 830000; the State Council's 2018 measures).
    /// </summary>
    public static bool IsProvinceCode(int code) =>
        code is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46)
            or (>= 50 and <= 54) or (>= 61 and <= 65) or 71 or 81 or 82 or 83;

    private static bool TryReadBirthDate(string value, out DateOnly birthDate)
    {
        birthDate = default;
        var year = int.Parse(value.AsSpan(6, 4));
        var month = int.Parse(value.AsSpan(10, 2));
        var day = int.Parse(value.AsSpan(12, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        birthDate = new DateOnly(year, month, day);
        return true;
    }
}

/// <summary>The kinds of 18-character numbers <see cref="IdNumber"/> accepts.</summary>
public enum IdNumberKind
{
    /// <summary>A mainland China resident ID number (居民身份证, GB 11643-1999); its first six digits name a county.</summary>
    Resident,

    /// <summary>A foreign permanent resident ID card number (外国人永久居留身份证, 2023 edition, starting with "9").</summary>
    ForeignPermanentResident,

    /// <summary>A Hong Kong, Macao or Taiwan resident's residence permit number (港澳台居民居住证, 2018: 810000 / 820000 / 830000).</summary>
    HkMacaoTaiwanResidencePermit,
}
