using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Pages.People;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Account;

public sealed class SignUpTakeoverTests(TalentHubFactory app) : AppTest(app)
{
    private const string Password = "spring rain over the tea garden";

    private Task<HttpResponseMessage> SignUpAsync(string mobile, string name, string id) =>
        App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = name, ["Input.IdNumber"] = id,
            ["Input.VillageCode"] = PeopleTestData.YuCun, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });

    [Fact]
    public async Task SignUp_AsAnExistingPersonWithAnotherMobile_IsRefused_AndTheRecordIsUnchanged()
    {
        var person = await App.AddPersonAsync(PeopleTestData.NewName("冒名"), PeopleTestData.YuCun);
        var before = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(p => p.Id == person.Id));
        var strangerMobile = PeopleTestData.NewMobile();

        var response = await SignUpAsync(strangerMobile, person.Name, person.IdNumber);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请联系所在县（市、区）农业农村局", await response.Content.ReadAsStringAsync());
        var after = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(before.MobileHash, after.MobileHash);
        Assert.Equal(person.Mobile, after.Mobile);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.False(await App.QueryAsync(db => db.Users.AnyAsync(u => u.PersonId == person.Id)));
    }

    [Fact]
    public async Task SignUp_AsAnExistingPersonWithTheMobileOnFile_LinksTheRecordWithoutChangingIt()
    {
        var person = await App.AddPersonAsync(PeopleTestData.NewName("本人"), PeopleTestData.YuCun);
        var before = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(p => p.Id == person.Id));

        var response = await SignUpAsync(person.Mobile, person.Name, person.IdNumber);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Users.AnyAsync(u => u.PersonId == person.Id)));
        var after = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        await App.LoginAsync(person.Mobile, Password);
    }

    [Fact]
    public async Task SignUp_AsAnExistingPersonWithoutAMobileOnFile_IsRefused()
    {
        var person = await App.AddPersonAsync(PeopleTestData.NewName("无号"), PeopleTestData.YuCun);
        await App.QueryAsync(async db =>
        {
            var p = await db.People.IgnoreQueryFilters([RegionFilter.Name]).SingleAsync(x => x.Id == person.Id);
            p.SetMobile(null, m => m);
            return await db.SaveChangesAsync();
        });

        var response = await SignUpAsync(PeopleTestData.NewMobile(), person.Name, person.IdNumber);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.Users.AnyAsync(u => u.PersonId == person.Id)));
    }
}
