using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Pages.Admin;

public sealed partial class UsersTests(TalentHubFactory app) : AppTest(app)
{
    private const string Wuxing = "330502000000";
    private const string Anji = "330523000000";
    private const string City = "330500000000";
    private const string GoodPassword = "Qingshan-lvshui-2026";

    [Fact]
    public async Task Admin_CreatesACountyClerkForWuxing_WhoCanLogIn_AndSeesOnlyWuxingPeople()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        var response = await CreateAsync(admin, name, "CountyClerk", Wuxing);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Admin/Users", response.Headers.Location!.ToString());
        var user = await UserAsync(name);
        Assert.Equal(Wuxing, user.RegionCode);
        Assert.Equal("CountyClerk", await RoleAsync(user.Id));
        var clerk = await App.LoginAsync(name, GoodPassword);
        var people = await clerk.GetStringAsync("/People");
        Assert.Contains("吴兴区", people);
        foreach (var other in new[] { "安吉县", "德清县", "长兴县", "南浔区" }) Assert.DoesNotContain(other, people);
        var anjiPerson = await App.PersonIdInCountyAsync("330523");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/People/{anjiPerson}")).StatusCode);
    }

    [Fact]
    public async Task TheSameNewUserPostedThreeTimesAtOnce_MakesOneAccount_AndTheOthersAreToldTheNameIsTaken()
    {
        // A double click on "create": the later posts passed the user-name check before the first committed, and the
        // unique index's refusal was the error page (review34b saw the sequential case; the concurrent one was a 500).
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CreateAsync(admin, name, "CountyClerk", Wuxing)));

        Assert.DoesNotContain(responses, r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains($"用户名“{name}”已被使用。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == name.ToUpperInvariant())));
        var id = (await UserAsync(name)).Id;
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == AuditAction.Create)));
    }

    [Fact]
    public async Task CityRolesAndTrainers_AreBoundToTheCity_WhateverCountyIsPosted()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        await CreateAsync(admin, name, "Trainer", Anji);

        Assert.Equal(City, (await UserAsync(name)).RegionCode);
    }

    [Fact]
    public async Task CountyRole_WithoutACounty_IsRefusedNextToTheCountyField()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        var response = await CreateAsync(admin, name, "CountyOfficer", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.CountyCode\"[^>]*>县级角色必须选择所属县（市、区）", html);
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task EmptyForm_ShowsEveryRequiredMessageNextToItsField()
    {
        var admin = await App.LoginAsync("admin");

        var response = await admin.PostFormAsync("/Admin/Users/Create", new()
        {
            ["Input.UserName"] = "", ["Input.DisplayName"] = "", ["Input.Role"] = "", ["Input.CountyCode"] = "", ["Input.Password"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (field, message) in new[] { ("UserName", "请填写用户名"), ("DisplayName", "请填写显示名称"), ("Role", "请选择角色"), ("Password", "请填写初始密码") })
            Assert.Matches($"data-valmsg-for=\"Input.{field}\"[^>]*>{message}", html);
    }

    [Fact]
    public async Task UserNameAndPasswordProblems_AreShownTogether()
    {
        var admin = await App.LoginAsync("admin");

        var response = await CreateAsync(admin, "anji.officer", "CountyClerk", Anji, "short");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>用户名“anji.officer”已被使用", html);
        Assert.Matches("data-valmsg-for=\"Input.Password\"[^>]*>密码至少需要 12 个字符", html);
    }

    [Theory]
    [InlineData("short-pass", "密码至少需要 12 个字符")]
    [InlineData("password1234", "这个密码太常见")]
    [InlineData("aaaaaaaaaaaaaaaa", "这个密码太常见")]
    public async Task WeakOrCommonPassword_IsRefusedNextToThePasswordField(string password, string message)
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        var response = await CreateAsync(admin, name, "CountyClerk", Anji, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Password\"[^>]*>" + Regex.Escape(message), html);
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task PasswordContainingTheUserName_IsRefused()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();

        var response = await CreateAsync(admin, name, "CountyClerk", Anji, name + "-2026-spring");

        Assert.Matches("data-valmsg-for=\"Input.Password\"[^>]*>这个密码太常见", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task DuplicateUserName_IsRefusedNextToTheUserNameField_InEitherLanguage()
    {
        var admin = await App.LoginAsync("admin");

        var chinese = await (await CreateAsync(admin, "anji.clerk", "CountyClerk", Anji)).Content.ReadAsStringAsync();
        var english = await (await CreateAsync(admin, "ANJI.clerk", "CountyClerk", Anji, culture: "en")).Content.ReadAsStringAsync();

        Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>用户名“anji.clerk”已被使用", chinese);
        Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>The user name &quot;ANJI.clerk&quot; is already taken", english);
        Assert.Equal(1, await App.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == "ANJI.CLERK")));
    }

    [Theory]
    [InlineData("13800000099")]
    [InlineData("m-0123456789abcdef")]
    [InlineData("zhang wei")]
    public async Task UserNames_ThatCouldPassForAFarmerOrHoldOddCharacters_AreRefused(string userName)
    {
        var admin = await App.LoginAsync("admin");

        var response = await CreateAsync(admin, userName, "CountyClerk", Anji);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.UserName\"[^>]*>[^<]+", await response.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(userName));
    }

    [Fact]
    public async Task CityOfficer_CreatesACountyClerk_ButCannotCreateAnAdmin()
    {
        var officer = await App.LoginAsync("city.officer");
        var clerk = NewUserName();
        var admin = NewUserName();

        var form = await officer.GetStringAsync("/Admin/Users/Create");
        var created = await CreateAsync(officer, clerk, "CountyClerk", Anji);
        var refused = await CreateAsync(officer, admin, "Admin", "");

        Assert.DoesNotContain("value=\"Admin\"", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Role\"[^>]*>市级管理员不能创建或授予系统管理员账号", await refused.Content.ReadAsStringAsync());
        Assert.False(await ExistsAsync(admin));
    }

    [Fact]
    public async Task CityOfficer_CannotOpenOrChangeAnAdministratorsAccount_NorPromoteSomeoneToAdmin()
    {
        var officer = await App.LoginAsync("city.officer");
        var adminId = (await UserAsync("admin")).Id;
        var name = NewUserName();
        await CreateAsync(await App.LoginAsync("admin"), name, "Trainer", "");
        var trainer = await UserAsync(name);

        var open = await officer.GetAsync($"/Admin/Users/Edit/{adminId}");
        var promote = await officer.PostFormAsync($"/Admin/Users/Edit/{trainer.Id}", new()
        {
            ["Input.DisplayName"] = "提升", ["Input.Role"] = "Admin", ["stamp"] = trainer.ConcurrencyStamp!,
        });

        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Contains("AccessDenied", open.Headers.Location!.ToString());
        Assert.Matches("data-valmsg-for=\"Input.Role\"[^>]*>市级管理员不能创建或授予系统管理员账号", await promote.Content.ReadAsStringAsync());
        Assert.Equal("Trainer", await RoleAsync(trainer.Id));
        Assert.DoesNotContain($"/Admin/Users/Edit/{adminId}\"", await officer.GetStringAsync("/Admin/Users?Role=Admin"));
    }

    [Theory]
    [InlineData("anji.officer")]
    [InlineData("wuxing.officer")]
    [InlineData("anji.clerk")]
    [InlineData("trainer.wang")]
    [InlineData("13800000004")]
    public async Task CountyStaffTrainersAndFarmers_AreDeniedTheUserPages(string login)
    {
        var client = await App.LoginAsync(login);
        var someone = (await UserAsync("trainer.wang")).Id;

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/Edit/{someone}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("AccessDenied", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        var response = await App.NewClient().GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Lock_PreventsLogin_AndUnlock_AllowsItAgain()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();
        await CreateAsync(admin, name, "CountyClerk", Anji);
        var id = (await UserAsync(name)).Id;

        var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Lock", new(), formPage: $"/Admin/Users/Edit/{id}");
        var refused = await App.NewClient().PostFormAsync("/Identity/Account/Login", new() { ["Input.Login"] = name, ["Input.Password"] = GoodPassword });
        var list = await admin.GetStringAsync($"/Admin/Users?Q={name}");
        await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Unlock", new(), formPage: $"/Admin/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该账号已被管理员停用", await refused.Content.ReadAsStringAsync());
        Assert.Contains("data-locked", list);
        await App.LoginAsync(name, GoodPassword);
    }

    [Fact]
    public async Task Admin_CannotLockThemselvesOut()
    {
        var admin = await App.LoginAsync("admin");
        var id = (await UserAsync("admin")).Id;

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}?handler=Lock", new(), formPage: $"/Admin/Users/Edit/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await UserAsync("admin")).LockoutEnd);
    }

    [Fact]
    public async Task EveryChange_WritesAnAuditRow_WithoutThePassword()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();
        await CreateAsync(admin, name, "CountyClerk", Anji);
        var user = await UserAsync(name);
        var edit = $"/Admin/Users/Edit/{user.Id}";

        var saved = await admin.PostFormAsync(edit, new()
        {
            ["Input.DisplayName"] = "吴兴区农业农村局 新同事", ["Input.Role"] = "CountyOfficer", ["Input.CountyCode"] = Wuxing,
            ["stamp"] = user.ConcurrencyStamp!,
        });
        await admin.PostFormAsync(edit + "?handler=Lock", new(), formPage: edit);
        await admin.PostFormAsync(edit + "?handler=Unlock", new(), formPage: edit);
        var reset = await admin.PostFormAsync(edit + "?handler=Password", new() { ["Reset.NewPassword"] = "Taihu-lake-morning-77" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var after = await UserAsync(name);
        Assert.Equal(("CountyOfficer", Wuxing, "吴兴区农业农村局 新同事"), (await RoleAsync(user.Id), after.RegionCode, after.DisplayName));
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
        var entries = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == user.Id)
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.StatusChange, AuditAction.StatusChange, AuditAction.Update],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.UserName));
        Assert.Contains("\"Role\":[\"CountyClerk\",\"CountyOfficer\"]", entries[1].Changes);
        Assert.Contains("\"RegionCode\":[\"330523000000\",\"330502000000\"]", entries[1].Changes);
        Assert.All(entries, e => Assert.DoesNotContain(GoodPassword, e.Changes));
        Assert.DoesNotContain("Taihu", entries[4].Changes);
        await App.LoginAsync(name, "Taihu-lake-morning-77");
        var audit = await admin.GetStringAsync($"/Admin/Audit?Type=User&Id={user.Id}");
        Assert.Contains("用户账号", audit);
    }

    [Fact]
    public async Task StaleEdit_IsRefused()
    {
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();
        await CreateAsync(admin, name, "CountyClerk", Anji);
        var user = await UserAsync(name);

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = "旧表单", ["Input.Role"] = "CountyClerk", ["Input.CountyCode"] = Anji, ["stamp"] = "not-the-current-stamp",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("旧表单", (await UserAsync(name)).DisplayName);
    }

    [Fact]
    public async Task List_FiltersByRoleCountyAndText_AndShowsFarmersByNameOnly()
    {
        var admin = await App.LoginAsync("admin");

        var farmers = await admin.GetStringAsync("/Admin/Users?Role=Farmer");
        // With a text as well: the shared app holds many clerks made by other tests in Anji ("安全测试…" sorts before
        // anji.clerk), so the county and role alone can put anji.clerk past the first page in some test orders.
        var anji = await admin.GetStringAsync($"/Admin/Users?County={Anji}&Role=CountyClerk&Q=anji");
        var text = await admin.GetStringAsync("/Admin/Users?Q=wuxing");
        var otherCounty = await admin.GetStringAsync($"/Admin/Users?County={Anji}&Q=wuxing");

        Assert.Contains("农民（手机号登录）", farmers);
        Assert.DoesNotContain("<code>m-", farmers);
        Assert.DoesNotContain("anji.officer", farmers);
        Assert.Contains("anji.clerk", anji);
        Assert.DoesNotContain("anji.officer", anji);
        Assert.Contains("wuxing.officer", text);
        Assert.DoesNotContain("anji.clerk", text);
        Assert.DoesNotContain("wuxing.officer", otherCounty);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task UserPages_ShowNoRawResourceKeys(string culture)
    {
        var admin = await App.LoginAsync("admin");
        var farmer = await App.QueryAsync(db => db.Users.Where(u => u.PersonId != null).Select(u => u.Id).FirstAsync());
        var staff = (await UserAsync("anji.clerk")).Id;

        foreach (var page in new[] { "/Admin/Users", "/Admin/Users?Role=Farmer", "/Admin/Users/Create", $"/Admin/Users/Edit/{staff}", $"/Admin/Users/Edit/{farmer}" })
        {
            var html = await admin.GetStringAsync(page + (page.Contains('?') ? "&" : "?") + "culture=" + culture);
            var text = Tags().Replace(Scripts().Replace(html, " "), " ");
            var raw = RawKey().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(raw.Count == 0, $"{page} ({culture}) shows untranslated keys: {string.Join(", ", raw)}");
        }
    }

    private static string NewUserName() => "t." + Guid.NewGuid().ToString("N")[..10];

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string userName, string role, string county,
        string password = GoodPassword, string culture = "zh-CN") =>
        client.PostFormAsync("/Admin/Users/Create?culture=" + culture, new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "测试 " + userName, ["Input.Role"] = role,
            ["Input.CountyCode"] = county, ["Input.Password"] = password,
        });

    private Task<AppUser> UserAsync(string userName) =>
        App.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    private Task<bool> ExistsAsync(string userName) =>
        App.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedUserName == userName.ToUpperInvariant()));

    private Task<string?> RoleAsync(string userId) =>
        App.QueryAsync(db => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleOrDefaultAsync());

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]*)+\b")]
    private static partial Regex RawKey();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [Fact]
    public async Task Edit_SavedUnchanged_KeepsTheStamp_AndSaysSo()
    {
        // forms30: an unchanged save renewed the concurrency stamp, so a second open tab got a false stale edit.
        var admin = await App.LoginAsync("admin");
        var name = NewUserName();
        await CreateAsync(admin, name, "CountyClerk", Wuxing);
        var user = await UserAsync(name);
        var audits = await App.AuditCountAsync("User", user.Id);

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{user.Id}", new()
        {
            ["Input.DisplayName"] = user.DisplayName, ["Input.Role"] = "CountyClerk", ["Input.CountyCode"] = Wuxing, ["stamp"] = user.ConcurrencyStamp!,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有修改", await admin.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(user.ConcurrencyStamp, (await UserAsync(name)).ConcurrencyStamp);
        Assert.Equal(audits, await App.AuditCountAsync("User", user.Id));
    }
}
