using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using static TalentHub.UnitTests.Builders.CourseBuilder;

namespace TalentHub.UnitTests.Domain.Training;

/// <summary>Issue 10 item 1: the organiser contact a farmer sees on the course page.</summary>
public sealed class CourseContactTests
{
    [Theory]
    [InlineData("13800000001")]
    [InlineData("0572-5121005")]
    [InlineData("05725121005")]
    [InlineData("021-12345678-801")]
    public void A_mobile_or_a_landline_with_area_code_is_a_contact_phone(string phone)
    {
        var course = ADraft();

        course.SetContact(" 陈晓燕 ", phone);

        Assert.Equal("陈晓燕", course.ContactName);
        Assert.Equal(phone, course.ContactPhone);
    }

    [Theory]
    [InlineData("陈晓燕", "5121005", "Course.ContactPhoneInvalid")]
    [InlineData("陈晓燕", "12800000001", "Course.ContactPhoneInvalid")]
    [InlineData("陈晓燕", "", "Course.ContactPhoneRequired")]
    [InlineData("陈晓燕", "13\u0668\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661", "Course.ContactPhoneInvalid")]
    [InlineData("陈晓燕", "0572-\u0665\u0661\u0662\u0661\u0660\u0660\u0665", "Course.ContactPhoneInvalid")]
    [InlineData("", "0572-5121005", "Course.ContactNameRequired")]
    public void A_contact_needs_a_name_and_a_valid_phone(string name, string phone, string key)
    {
        var course = ADraft();

        var error = Assert.Throws<DomainException>(() => course.SetContact(name, phone));

        Assert.Equal(key, error.MessageKey);
        Assert.Null(course.ContactPhone);
    }

    [Fact]
    public void Blank_name_and_phone_clear_the_contact()
    {
        var course = ADraft();
        course.SetContact("陈晓燕", "0572-5121005");

        course.SetContact(" ", null);

        Assert.Null(course.ContactName);
        Assert.Null(course.ContactPhone);
    }
}
