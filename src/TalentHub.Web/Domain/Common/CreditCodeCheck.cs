namespace TalentHub.Web.Domain.Common;

public enum CreditCodeCheck
{
    Valid,
    Empty,
    WrongLength,
    InvalidCharacters,

    // A warning, not necessarily a rejection: some legally issued early pilot codes fail the check.
    CheckDigitMismatch,
}
