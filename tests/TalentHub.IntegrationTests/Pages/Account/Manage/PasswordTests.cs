namespace TalentHub.IntegrationTests.Pages.Account.Manage;

public sealed class PasswordTests(TalentHubFactory app) : AppTest(app)
{
    private const string FarmerPassword = "bamboo hills and white tea";

    [Theory]
    [InlineData("talenthub-demo-2026", "这是公开的演示密码")]
    [InlineData("my own talenthub login", "不能包含本系统的名称")]
    [InlineData("xyzxyzxyzxyz", "不能是重复或连续的字符")]
    [InlineData("abcdefghijklmn", "不能是重复或连续的字符")]
    public async Task ChangePassword_ToAContextSpecificPassword_IsRefusedNextToTheField(string password, string message)
    {
        var mobile = (await App.FarmersAsync(1, FarmerPassword))[0];
        var farmer = await App.LoginAsync(mobile, FarmerPassword);

        var response = await farmer.PostFormAsync("/Identity/Account/Manage/ChangePassword", new()
            { ["Input.OldPassword"] = FarmerPassword, ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangePassword_ContainingTheFarmersOwnMobile_IsRefused()
    {
        var mobile = (await App.FarmersAsync(1, FarmerPassword))[0];
        var farmer = await App.LoginAsync(mobile, FarmerPassword);
        var password = "my number " + mobile;

        var response = await farmer.PostFormAsync("/Identity/Account/Manage/ChangePassword", new()
            { ["Input.OldPassword"] = FarmerPassword, ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password });

        Assert.Contains("不能包含您的姓名、用户名、手机号或身份证号", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefused()
    {
        var mobile = (await App.FarmersAsync(1, FarmerPassword))[0];
        var farmer = await App.LoginAsync(mobile, FarmerPassword);

        var response = await farmer.PostFormAsync("/Identity/Account/Manage/ChangePassword", new()
            { ["Input.OldPassword"] = "not my password at all", ["Input.NewPassword"] = "the new white tea season", ["Input.ConfirmPassword"] = "the new white tea season" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Staff_ChangeTheirOwnPassword_AndLogInWithTheNewOne()
    {
        var clerk = await App.NewStaffAsync(TalentHub.Web.Domain.Roles.CountyClerk);
        var client = await App.LoginAsync(clerk.UserName!, StaffAccounts.Password);
        const string fresh = "autumn wind over the rice terraces";

        var response = await client.PostFormAsync("/Identity/Account/Manage/ChangePassword", new()
            { ["Input.OldPassword"] = StaffAccounts.Password, ["Input.NewPassword"] = fresh, ["Input.ConfirmPassword"] = fresh });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/People")).StatusCode); // this session continues
        await App.LoginAsync(clerk.UserName!, fresh);
    }

    [Fact]
    public async Task SignUp_WithTheNameInThePassword_IsRefused()
    {
        var id = TalentHub.IntegrationTests.Pages.People.PeopleTestData.NewIdNumber("330523108204");
        var response = await App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = TalentHub.IntegrationTests.Pages.People.PeopleTestData.NewMobile(), ["Input.Name"] = "欧阳青山",
            ["Input.IdNumber"] = id.Value, ["Input.VillageCode"] = "330523108204",
            ["Input.Password"] = "欧阳青山家的竹林和白茶园都很美", ["Input.ConfirmPassword"] = "欧阳青山家的竹林和白茶园都很美",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("不能包含您的姓名", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(html, "field-validation-error[^>]*>[^<]*").Value);
    }
}
