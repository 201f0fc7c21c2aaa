using System.Net;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using static TalentHub.IntegrationTests.Pages.Training.Courses.CourseForms;

namespace TalentHub.IntegrationTests.Pages.Training.Courses;

/// <summary>Issue 10 item 1: the organiser contact entered on the course form and shown on the catalog page.</summary>
public sealed class CourseContactTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Officer_EntersTheOrganiserContact_AndTheCatalogPageShowsItPlainly()
    {
        var officer = await App.LoginAsync("anji.officer");
        var fields = Fields(UniqueTitle("联系人"), opens: Today.AddDays(-1), sessions: (Today.AddDays(30), "09:00", "11:30"));
        fields["Input.ContactName"] = "陈晓燕";
        fields["Input.ContactPhone"] = "0572-5121005";

        var id = await officer.CreateAsync(fields);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.MoveAsync(id, CourseStatus.Published)).StatusCode);
        var page = await App.NewClient().GetStringAsync($"/Catalog/{id}");
        var course = await App.CourseAsync(id);

        Assert.Equal(("陈晓燕", "0572-5121005"), (course.ContactName, course.ContactPhone));
        Assert.Contains("id=\"organiser-contact\"", page);
        Assert.Contains("陈晓燕 <a class=\"tap\" href=\"tel:0572-5121005\">0572-5121005</a>", page);
    }

    [Fact]
    public async Task ABadPhone_OrAPhoneWithoutAName_IsRefusedNextToTheField_AndNothingIsSaved()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var title = UniqueTitle("坏电话");
        var bad = Fields(title, sessions: (Today.AddDays(30), "09:00", "11:30"));
        bad["Input.ContactName"] = "陈晓燕";
        bad["Input.ContactPhone"] = "5121005";
        var nameless = Fields(title, sessions: (Today.AddDays(30), "09:00", "11:30"));
        nameless["Input.ContactPhone"] = "13800000001";

        var first = await (await clerk.PostFormAsync("/Courses/Create", bad)).Content.ReadAsStringAsync();
        var second = await (await clerk.PostFormAsync("/Courses/Create", nameless)).Content.ReadAsStringAsync();

        Assert.True(HasFieldError(first, "Input.ContactPhone", "联系电话格式不正确"), Errors(first));
        Assert.True(HasFieldError(second, "Input.ContactName", "填写联系电话时须同时填写联系人"), Errors(second));
        Assert.False(await App.QueryAsync(db => db.Courses.IgnoreQueryFilters().AnyAsync(c => c.Title == title)));
    }
}
