namespace TalentHub.Web.Domain.Common;

/// <summary>
/// Why <see cref="IdNumber.TryParse(string?, DateOnly, out IdNumber?, out IdNumberError)"/> refused a resident ID number
/// (GB 11643-1999: 17 digits, the birth date yyyyMMdd at positions 7–14, then a check digit 0–9 or X). Each member is
/// shown as the resource "IdNumber.{member}".
/// </summary>
public enum IdNumberError
{
    None,
    Empty,
    WrongLength,
    /// <summary>15 digits: an old (pre-1999) number, which must be converted to its 18-digit form before it is entered.</summary>
    OldFifteenDigit,
    InvalidCharacters,
    /// <summary>
    /// The first two digits are not a GB/T 2260 province code (<see cref="IdNumber.IsProvinceCode"/>), or, for a foreign
    /// permanent resident's number ("9…"), digits 2–3 are not one or the nationality code is "000".
    /// </summary>
    InvalidProvince,
    /// <summary>Not a calendar date, before 1900-01-01 or after today.</summary>
    InvalidBirthDate,
    /// <summary>The 18th character is not the ISO 7064 MOD 11-2 check of the first 17 (a typo; never accepted).</summary>
    CheckDigitMismatch,
}
