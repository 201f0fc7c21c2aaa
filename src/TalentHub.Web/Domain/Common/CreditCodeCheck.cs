namespace TalentHub.Web.Domain.Common;

/// <summary>
/// The result of <see cref="CreditCode.Check"/> on a 统一社会信用代码 (GB 32100-2015). Empty, WrongLength and
/// InvalidCharacters are errors; CheckDigitMismatch is a warning an officer must confirm (PRODUCT.md §4).
/// </summary>
public enum CreditCodeCheck
{
    Valid,
    Empty,
    WrongLength,
    InvalidCharacters,

    /// <summary>A warning, not necessarily a rejection: some legally issued early pilot codes fail the check.</summary>
    CheckDigitMismatch,
}
