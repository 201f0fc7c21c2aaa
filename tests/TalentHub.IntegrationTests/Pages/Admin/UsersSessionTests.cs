namespace TalentHub.IntegrationTests.Pages.Admin;

/// <summary>
/// Review of issue 12 (perf5a): the session check now reads the security stamp through RawScalar instead of EF. A
/// signed-in user whom an administrator locks, or whose role changes, is signed out on their very next request.
/// </summary>
public sealed partial class UsersTests
{
    [Fact]
    public async Task Locking_OrChangingTheRole_OfASignedInUser_SignsThemOutOnTheNextRequest()
    {
        var admin = await App.LoginAsync("admin");
        var locked = NewUserName();
        var moved = NewUserName();
        await CreateAsync(admin, locked, "CountyClerk", Anji);
        await CreateAsync(admin, moved, "CountyClerk", Anji);
        var lockedId = (await UserAsync(locked)).Id;
        var lockedClient = await App.LoginAsync(locked, GoodPassword);
        var movedClient = await App.LoginAsync(moved, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await lockedClient.GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await movedClient.GetAsync("/People")).StatusCode);


        var movedUser = await UserAsync(moved);
        await admin.PostFormAsync($"/Admin/Users/Edit/{lockedId}?handler=Lock", new(), formPage: $"/Admin/Users/Edit/{lockedId}");
        var roleChange = await admin.PostFormAsync($"/Admin/Users/Edit/{movedUser.Id}", new()
        {
            ["Input.DisplayName"] = movedUser.DisplayName, ["Input.Role"] = "CountyOfficer", ["Input.CountyCode"] = Anji,
            ["stamp"] = movedUser.ConcurrencyStamp!,
        }, formPage: $"/Admin/Users/Edit/{movedUser.Id}");

        Assert.Equal(HttpStatusCode.Redirect, roleChange.StatusCode);
        Assert.Equal("CountyOfficer", await RoleAsync(movedUser.Id));
        foreach (var client in new[] { lockedClient, movedClient })
        {
            var next = await client.GetAsync("/People");
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", next.Headers.Location!.PathAndQuery);
        }
    }
}
