using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Domain.People;

/// <summary>Review14: a 6-year-old could sign up; online sign-up needs 16 on the Asia/Shanghai date.</summary>
public sealed class SelfRegistrationAgeTests
{
    // 23:30 UTC on 1 March 2026 is already 2 March in Shanghai.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));

    [Fact]
    public void A_person_whose_sixteenth_birthday_is_today_in_Shanghai_may_sign_up()
    {
        var id = IdNumber.Create("330523", new DateOnly(2010, 3, 2), 11, Sex.Female);

        Person.CheckSelfRegistrationAge(id, Clock.ShanghaiToday());
    }

    [Fact]
    public void A_person_a_day_short_of_sixteen_is_refused()
    {
        var id = IdNumber.Create("330523", new DateOnly(2010, 3, 3), 11, Sex.Female);

        var error = Assert.Throws<DomainException>(() => Person.CheckSelfRegistrationAge(id, Clock.ShanghaiToday()));

        Assert.Equal("Register.TooYoung", error.MessageKey);
        Assert.Equal("IdNumber", error.Field);
    }
}
