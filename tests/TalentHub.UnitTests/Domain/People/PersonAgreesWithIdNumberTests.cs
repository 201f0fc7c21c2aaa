using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.UnitTests.Domain.People;

public sealed class PersonAgreesWithIdNumberTests
{
    private static readonly DateOnly Birth = new(1988, 7, 16);
    private static readonly IdNumber Id = IdNumber.Create("330523", Birth, 41, Sex.Female);

    [Fact]
    public void Nothing_entered_agrees()
    {
        Person.CheckAgreesWithIdNumber(Id, null, null);
    }

    [Fact]
    public void The_birth_date_and_sex_of_the_id_number_agree()
    {
        Person.CheckAgreesWithIdNumber(Id, Birth, Sex.Female);
    }

    [Fact]
    public void Another_birth_date_is_refused_on_the_birth_date_field()
    {
        var error = Assert.Throws<DomainException>(() => Person.CheckAgreesWithIdNumber(Id, Birth.AddDays(1), null));

        Assert.Equal("Person.BirthDateDisagrees", error.MessageKey);
        Assert.Equal(nameof(Person.BirthDate), error.Field);
    }

    [Fact]
    public void Another_sex_is_refused_on_the_sex_field()
    {
        var error = Assert.Throws<DomainException>(() => Person.CheckAgreesWithIdNumber(Id, Birth, Sex.Male));

        Assert.Equal("Person.SexDisagrees", error.MessageKey);
        Assert.Equal(nameof(Person.Sex), error.Field);
    }

    [Fact]
    public void Setting_the_id_number_derives_birth_date_and_sex()
    {
        var person = new Person();

        person.SetIdNumber(Id, "hash");

        Assert.Equal(Birth, person.BirthDate);
        Assert.Equal(Sex.Female, person.Sex);
    }
}
