namespace TalentHub.Web.Domain.Common;

public enum Sex
{
    Male,
    Female,
}
