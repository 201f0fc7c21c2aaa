namespace TalentHub.Web.Domain.Common;

public enum IdNumberError
{
    None,
    Empty,
    WrongLength,
    InvalidCharacters,
    InvalidBirthDate,
    CheckDigitMismatch,
}
