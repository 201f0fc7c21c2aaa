using TalentHub.IntegrationTests.Pages.Entities;
using TalentHub.IntegrationTests.Pages.Training.Courses;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// fix37: the administrator (系统管理员: users, roles, regions, settings, audit, jobs — PRODUCT.md §1) could approve and return
/// entity registrations and approve (publish) or return course plans, which are the officers' decisions. Every such handler
/// now refuses them (403, the app's answer to a role failure: the access-denied page) and offers no button; officers still decide.
/// </summary>
public sealed class AdminApprovalRoleTests(TalentHubFactory app) : AppTest(app)
{
    private static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(EntityStatus.Approved)]
    [InlineData(EntityStatus.Returned)]
    public async Task Admin_CannotApproveOrReturnARegistration_AndSeesNoButtonForIt(EntityStatus decision)
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        Assert.Equal(HttpStatusCode.Redirect, (await EntityForms.MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode);
        var admin = await App.LoginAsync("admin");

        var page = await admin.GetStringAsync($"/Entities/{id}");
        var response = await EntityForms.MoveAsync(admin, id, decision, "管理员退回");

        Assert.DoesNotContain($"id=\"move-{decision}\"", page);
        AssertForbidden(response);
        var stored = await App.LoadAsync(id);
        Assert.Equal(EntityStatus.Submitted, stored.Status);
        Assert.DoesNotContain(stored.History, h => h.To == decision);

        var officer = await App.LoginAsync("anji.officer");
        Assert.Contains($"id=\"move-{decision}\"", await officer.GetStringAsync($"/Entities/{id}"));
    }

    /// <summary>
    /// Review37d: reinstating a suspended entity (Suspended → Approved) is not a decision on a registration, so the administrator,
    /// who may suspend, may also reinstate (the first version read every move to Approved as approving and left it one-way).
    /// </summary>
    [Fact]
    public async Task Admin_WhoSuspendsAnEntity_CanReinstateIt()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        Assert.Equal(HttpStatusCode.Redirect, (await EntityForms.MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode);
        var officer = await App.LoginAsync("anji.officer");
        Assert.Equal(HttpStatusCode.Redirect, (await EntityForms.MoveAsync(officer, id, EntityStatus.Approved)).StatusCode);
        var admin = await App.LoginAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await EntityForms.MoveAsync(admin, id, EntityStatus.Suspended, "年报未报")).StatusCode);
        Assert.Equal(EntityStatus.Suspended, (await App.LoadAsync(id)).Status);

        Assert.Contains($"id=\"move-{EntityStatus.Approved}\"", await admin.GetStringAsync($"/Entities/{id}"));
        var reinstate = await EntityForms.MoveAsync(admin, id, EntityStatus.Approved);

        Assert.Equal($"/Entities/{id}", reinstate.Headers.Location?.OriginalString);
        Assert.Equal(EntityStatus.Approved, (await App.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Admin_CannotApproveOrReturnACoursePlan_AndSeesNoButtonForIt()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await clerk.CreateSimpleAsync("管理员审批测试班" + Guid.NewGuid().ToString("N")[..6]);
        var admin = await App.LoginAsync("admin");

        var page = await admin.GetStringAsync($"/Courses/{id}");
        var publish = await admin.MoveAsync(id, CourseStatus.Published);

        Assert.DoesNotContain("value=\"Published\"", page);
        AssertForbidden(publish);
        Assert.Equal(CourseStatus.Draft, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Courses).Where(c => c.Id == id).Select(c => c.Status))));

        var officer = await App.LoginAsync("anji.officer");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.MoveAsync(id, CourseStatus.Published)).StatusCode);
        AssertForbidden(await admin.MoveAsync(id, CourseStatus.Draft));
        Assert.Equal(CourseStatus.Published, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Courses).Where(c => c.Id == id).Select(c => c.Status))));
    }
}
