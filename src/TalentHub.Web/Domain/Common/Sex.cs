namespace TalentHub.Web.Domain.Common;

/// <summary>Sex as the resident ID number encodes it: the 17th digit is odd for male, even for female (GB 11643).</summary>
public enum Sex
{
    Male,
    Female,
}
