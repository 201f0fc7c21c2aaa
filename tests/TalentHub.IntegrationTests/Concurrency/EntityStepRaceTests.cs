using System.Net;
using TalentHub.IntegrationTests.Pages.Entities;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>
/// review35: the same lifecycle step posted twice at the same moment (a double click on 提交审核, two officers approving): the
/// second post read the entity before the first saved, so its save met the version and said "changed by someone else". It
/// says the entity is already in that status and writes nothing (<see cref="RivalSave"/> runs the first post just before the
/// second one's save).
/// </summary>
public sealed class EntityStepRaceTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task TheSameStepPostedTwiceAtOnce_TheSecondSaysAlreadyInThatStatus()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var second = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);

        App.Rival.Arm<BusinessEntity>(async () =>
            Assert.Equal(HttpStatusCode.Redirect, (await EntityForms.MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode));
        HttpResponseMessage response;
        try
        {
            response = await EntityForms.MoveAsync(second, id, EntityStatus.Submitted);
            Assert.True(App.Rival.Ran, "the rival's post did not run before the loser's save");
        }
        finally { App.Rival.Disarm(); }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("此主体已是", await second.GetStringAsync(response.Headers.Location!.OriginalString));
        var stored = await App.LoadAsync(id);
        Assert.Equal(EntityStatus.Submitted, stored.Status);
        Assert.Single(stored.History, h => h.To == EntityStatus.Submitted);
    }

    [Fact]
    public async Task TheSameRemovalPostedTwiceAtOnce_TheSecondSaysThePersonIsNoLongerLinked()
    {
        // review35: the second post loaded the member before the first deleted it, so its delete met no row: the error page.
        var clerk = await App.LoginAsync("anji.clerk");
        var second = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        var person = (await App.LoadAsync(id)).LegalRepresentativeId;
        var link = new Dictionary<string, string> { ["personId"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Member" };
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/Entities/{id}?handler=Link", new(link), $"/Entities/{id}")).StatusCode);
        var member = (await App.LoadAsync(id)).People.Single(m => m.Role == MemberRole.Member).Id;
        Dictionary<string, string> Unlink() => new() { ["memberId"] = member.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        App.Rival.Arm<EntityMember>(async () =>
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/Entities/{id}?handler=Unlink", Unlink(), $"/Entities/{id}")).StatusCode));
        HttpResponseMessage response;
        try
        {
            response = await second.PostFormAsync($"/Entities/{id}?handler=Unlink", Unlink(), $"/Entities/{id}");
            Assert.True(App.Rival.Ran, "the rival's post did not run before the loser's save");
        }
        finally { App.Rival.Disarm(); }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("此人员已不在关联人员中。", await second.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.DoesNotContain((await App.LoadAsync(id)).People, m => m.Role == MemberRole.Member);
    }
}
