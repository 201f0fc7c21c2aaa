using System.Text.RegularExpressions;
using TalentHub.Web.Domain.Entities;
using static TalentHub.IntegrationTests.Pages.Entities.EntityForms;

namespace TalentHub.IntegrationTests.Pages.Entities;

public sealed class EntityLifecycleTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task ClerkSubmits_OfficerApproves_AndTheHistoryShowsWhoAndWhen()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode);
        var officer = await App.LoginAsync("anji.officer");
        Assert.Contains("id=\"move-Approved\"", await officer.GetStringAsync($"/Entities/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, EntityStatus.Approved)).StatusCode);

        var entity = await App.LoadAsync(id);
        Assert.Equal(EntityStatus.Approved, entity.Status);
        Assert.Collection(entity.History.OrderBy(h => h.Id),
            h => { Assert.Equal((EntityStatus.Draft, EntityStatus.Submitted), (h.From, h.To)); Assert.Contains("周立新", h.ByName); },
            h => { Assert.Equal((EntityStatus.Submitted, EntityStatus.Approved), (h.From, h.To)); Assert.Contains("陈晓燕", h.ByName); });
        var html = await officer.GetStringAsync($"/Entities/{id}");
        Assert.Contains("已认定（在册）", html);
        Assert.Contains("周立新", html);
        Assert.Contains("陈晓燕", html);
        Assert.Matches(new Regex(@"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}"), html);
    }

    [Fact]
    public async Task OfficerWhoSubmitted_CannotApproveTheirOwn_ButAnotherOfficerCan()
    {
        var officer = await App.LoginAsync("anji.officer");
        var id = await App.CreateAnjiFarmAsync(officer);
        await MoveAsync(officer, id, EntityStatus.Submitted);

        var page = await officer.GetStringAsync($"/Entities/{id}");
        Assert.Contains("此登记由您提交，需由其他管理员审核", page);
        Assert.DoesNotContain("id=\"move-Approved\"", page);
        var refused = await MoveAsync(officer, id, EntityStatus.Approved);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("提交人不能审核自己提交的登记", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EntityStatus.Submitted, (await App.LoadAsync(id)).Status);

        var city = await App.LoginAsync("city.officer");
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(city, id, EntityStatus.Approved)).StatusCode);
        Assert.Equal(EntityStatus.Approved, (await App.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Clerk_CannotApprove()
    {
        var officer = await App.LoginAsync("anji.officer");
        var id = await App.CreateAnjiFarmAsync(officer);
        await MoveAsync(officer, id, EntityStatus.Submitted);
        var clerk = await App.LoginAsync("anji.clerk");

        Assert.DoesNotContain("id=\"move-Approved\"", await clerk.GetStringAsync($"/Entities/{id}"));
        var refused = await MoveAsync(clerk, id, EntityStatus.Approved);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只有县级及以上管理员可以进行此操作", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EntityStatus.Submitted, (await App.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Return_NeedsAReason_AndTheClerkCanFixAndResubmit()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        await MoveAsync(clerk, id, EntityStatus.Submitted);
        var officer = await App.LoginAsync("anji.officer");

        var refused = await MoveAsync(officer, id, EntityStatus.Returned, "  ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请填写原因。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EntityStatus.Submitted, (await App.LoadAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, EntityStatus.Returned, "土地流转合同缺失")).StatusCode);
        var returned = await App.LoadAsync(id);
        Assert.Equal(EntityStatus.Returned, returned.Status);
        Assert.Equal("土地流转合同缺失", returned.History.OrderBy(h => h.Id).Last().Reason);
        Assert.Contains("土地流转合同缺失", await clerk.GetStringAsync($"/Entities/{id}"));
        Assert.DoesNotContain("当前状态下您不能修改", await clerk.GetStringAsync($"/Entities/{id}/Edit"));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode);
    }

    /// <summary>
    /// rev35b: the same step posted twice (a double click on 提交审核, a second tab) said 当前状态下不能进行此操作 (or, with the
    /// page's version, that someone else had changed it); it now says the entity is already there and writes nothing.
    /// </summary>
    [Fact]
    public async Task TheSameStepPostedTwice_SaysItIsAlreadyDone_AndRecordsItOnce()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(clerk, id, EntityStatus.Submitted)).StatusCode);

        var again = await MoveAsync(clerk, id, EntityStatus.Submitted);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("此主体已是“待审核”状态，未作更改。", await clerk.GetStringAsync(again.Headers.Location!.OriginalString));
        Assert.Single((await App.LoadAsync(id)).History);
    }

    /// <summary>rev35b: a reason longer than its 500-character column went through to the database (an error page on PostgreSQL).</summary>
    [Fact]
    public async Task Return_WithAReasonLongerThan500Characters_IsRefusedNextToTheReason()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        await MoveAsync(clerk, id, EntityStatus.Submitted);
        var officer = await App.LoginAsync("anji.officer");

        var refused = await MoveAsync(officer, id, EntityStatus.Returned, new string('缺', 501));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("原因不能超过 500 个字符。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(EntityStatus.Submitted, (await App.LoadAsync(id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, EntityStatus.Returned, new string('缺', 500))).StatusCode);
        Assert.Equal(EntityStatus.Returned, (await App.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Approved_CanBeSuspendedAndDeregistered_WithReasons_ThenNothingMore()
    {
        var clerk = await App.LoginAsync("anji.clerk");
        var id = await App.CreateAnjiFarmAsync(clerk);
        await MoveAsync(clerk, id, EntityStatus.Submitted);
        var officer = await App.LoginAsync("anji.officer");
        await MoveAsync(officer, id, EntityStatus.Approved);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, EntityStatus.Suspended, "停产整顿")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, EntityStatus.Deregistered, "已注销营业执照")).StatusCode);

        var page = await officer.GetStringAsync($"/Entities/{id}");
        Assert.DoesNotContain("id=\"move-form\"", page);
        Assert.DoesNotContain("id=\"edit\"", page);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(officer, id, EntityStatus.Approved)).StatusCode);
        Assert.Equal(EntityStatus.Deregistered, (await App.LoadAsync(id)).Status);
    }
}
