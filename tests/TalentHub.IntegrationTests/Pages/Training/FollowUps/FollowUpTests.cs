using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Training;
using TalentHub.IntegrationTests.Builders;
using TalentHub.IntegrationTests.Support;
using static TalentHub.IntegrationTests.Concurrency.FollowUpRaces;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.People;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Pages.Training.FollowUps;

public sealed class FollowUpTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Job_CreatesTheTasksThatFellDue_Once_ForTheCoursesCounty()
    {
        var (course, farmer) = await CompletedLongAgoAsync(200);

        var first = await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var second = await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());

        var tasks = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).OrderBy(t => t.Months).ToListAsync());
        Assert.Equal([3, 6], tasks.Select(t => t.Months));
        Assert.All(tasks, t => Assert.Equal("330523000000", t.CountyCode));
        Assert.All(tasks, t => Assert.Equal(farmer.PersonId, t.PersonId));
        Assert.True(first >= 2);
        Assert.Equal(0, second);
    }

    [Fact]
    public async Task Clerk_SeesDueAndOverdueTasks_RecordsAnOutcome_WithAFieldErrorFirst()
    {
        var (course, farmer) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var three = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var six = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 6).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => p.Name).FirstAsync());

        var list = await clerk.GetStringAsync($"/FollowUps?Q={Uri.EscapeDataString(name)}");
        var overdue = await clerk.GetStringAsync($"/FollowUps?State=Overdue&Q={Uri.EscapeDataString(name)}");
        var bad = await clerk.PostFormAsync($"/FollowUps/{three}", new() { ["Input.StartedBusiness"] = "true", ["Input.VentureName"] = "" });
        var good = await clerk.PostFormAsync($"/FollowUps/{three}", new()
        {
            ["Input.StartedBusiness"] = "true", ["Input.VentureName"] = "白茶电商小店", ["Input.AdoptedTechnique"] = "true", ["Input.IncomeChangePercent"] = "25",
        });

        Assert.Contains($"data-task=\"{three}\" data-overdue=\"true\"", list);
        Assert.Contains($"data-task=\"{six}\" data-overdue=\"false\"", list);
        Assert.Contains($"data-task=\"{three}\"", overdue);
        Assert.DoesNotContain($"data-task=\"{six}\"", overdue);
        Assert.Contains("请填写创业项目名称", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var task = await App.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == three));
        Assert.True(task.IsDone);
        Assert.Equal("白茶电商小店", task.VentureName);
        Assert.Equal(25m, task.IncomeChangePercent);
        Assert.Equal("anji.clerk", task.RecordedBy);
        Assert.DoesNotContain($"data-task=\"{three}\"", await clerk.GetStringAsync($"/FollowUps?Q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task UnrecordedTask_IsRecorded_WhateverStampIsPosted()
    {
        // review21: a tampered stamp on a task nobody had recorded named an empty "other clerk's" record and saved nothing.
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var form = await clerk.GetStringAsync($"/FollowUps/{id}");

        var response = await clerk.PostAsync($"/FollowUps/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormClient.TokenOf(form), ["Stamp"] = "-5", ["Input.Employed"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.Employed && t.RecordedAt != null).SingleAsync()));
    }

    [Fact]
    public async Task RecordedTask_WithANonNumericStamp_GetsTheExpiredMessage_AndSavingAgainWorks()
    {
        // fix29c: a tampered stamp that is not a number was refused without a word.
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync($"/FollowUps/{id}", new() { ["Input.Employed"] = "true" })).StatusCode);
        var stamp = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.RecordedAt).SingleAsync());
        var form = await clerk.GetStringAsync($"/FollowUps/{id}");

        var response = await clerk.PostAsync($"/FollowUps/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormClient.TokenOf(form), ["Stamp"] = "abc", ["Input.Unreachable"] = "true",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("此表单已过期或被改动，请核对后重新保存。", html);
        Assert.Contains($"value=\"{stamp!.Value.UtcTicks}\"", html);
        var task = await App.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.True(task.Employed);
        Assert.False(task.Unreachable);

        var again = await clerk.PostAsync($"/FollowUps/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormClient.TokenOf(html), ["Stamp"] = stamp.Value.UtcTicks.ToString(), ["Input.Unreachable"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.True(await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.Unreachable).SingleAsync()));
    }

    [Fact]
    public async Task PersonPage_SaysOverdue_ForTheTaskTheListCallsOverdue()
    {
        // review21: the person page said 待跟踪 (due) for a task the follow-up list showed as 已逾期 (overdue).
        var (_, farmer) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var officer = await App.LoginAsync("anji.officer");

        var html = await officer.GetStringAsync($"/People/{farmer.PersonId}");

        Assert.Contains("结业后3个月：已逾期", html);
        Assert.Contains("结业后6个月：待跟踪", html);
    }

    /// <summary>
    /// rev35b: names are stored normalised (NFKC) but the follow-up list searched them with the text as typed, so a name
    /// typed in full-width letters (an input method left in full-width mode) found none of the person's tasks.
    /// </summary>
    [Fact]
    public async Task NameSearch_FindsThePerson_TypedInFullWidthLetters()
    {
        var (course, farmer) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var three = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var name = "ANNA" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await App.QueryAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Id == farmer.PersonId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, name)));
        var clerk = await App.LoginAsync("anji.clerk");

        var typed = string.Concat(name.Select(c => (char)(c + 0xFEE0))); // ＡＮＮＡ…
        Assert.Contains($"data-task=\"{three}\"", await clerk.GetStringAsync($"/FollowUps?Q={Uri.EscapeDataString(typed)}"));
    }

    [Fact]
    public async Task Export_HonoursTheFilters_AndIsAudited()
    {
        var (_, farmer) = await CompletedLongAgoAsync(100);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => p.Name).FirstAsync());
        var officer = await App.LoginAsync("anji.officer");

        var csv = await officer.GetStringAsync($"/FollowUps?handler=Export&format=csv&Q={Uri.EscapeDataString(name)}");

        Assert.Contains(name, csv);
        Assert.Equal(2, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "FollowUpTask" && a.Action == Web.Data.AuditAction.Export)));
    }

    [Fact]
    public async Task AnotherCountysTask_IsNotFound_AndFarmersAreRefused()
    {
        var (course, farmer) = await CompletedLongAgoAsync(100);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var wuxing = await App.LoginAsync("wuxing.officer");
        var farmerClient = await App.LoginAsync(farmer);

        Assert.Equal(HttpStatusCode.NotFound, (await wuxing.GetAsync($"/FollowUps/{id}")).StatusCode);
        Assert.DoesNotContain($"data-task=\"{id}\"", await wuxing.GetStringAsync("/FollowUps?State=All"));
        var refused = await farmerClient.GetAsync("/FollowUps");
        Assert.StartsWith("/Identity/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task LinkedEntity_IsFoundByNameOrCreditCode_AmongWhatTheUserMaySee_NotOnlyAmongTheSuggestions()
    {
        var (course, farmer) = await CompletedLongAgoAsync(100);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var task = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var unique = ImportClient.NewName("白茶家庭农场");
        var shared = ImportClient.NewName("同名家庭农场");
        await App.AddFamilyFarmLedByAsync(unique, farmer.PersonId, ImportClient.Yucun);
        var first = await App.AddFamilyFarmLedByAsync(shared, farmer.PersonId, ImportClient.Yucun);
        await App.AddFamilyFarmLedByAsync(shared, farmer.PersonId, ImportClient.Yucun);
        var wuxing = await App.AddFamilyFarmLedByAsync(ImportClient.NewName("吴兴家庭农场"), farmer.PersonId, ImportClient.WuxingVillage);
        string CodeOf(int id) => App.QueryAsync(db => db.BusinessEntities.Where(e => e.Id == id).Select(e => e.CreditCode).SingleAsync()).GetAwaiter().GetResult();
        async Task<HttpResponseMessage> Link(HttpClient client, string typed) => await PostShownAsync(client, $"/FollowUps/{task}",
            await client.GetStringAsync($"/FollowUps/{task}"), new() { ["Input.JoinedEntity"] = "true", ["Input.Entity"] = typed });
        Task<int?> Linked() => App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == task).Select(t => t.EntityId).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var city = await App.LoginAsync("city.officer");

        var form = await clerk.GetStringAsync($"/FollowUps/{task}");
        var ambiguous = await (await Link(clerk, shared)).Content.ReadAsStringAsync();
        var otherCounty = await (await Link(clerk, CodeOf(wuxing))).Content.ReadAsStringAsync();
        var unknown = await (await Link(clerk, "没有这个农场")).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{unique}\">", form);
        Assert.Contains($"有多个经营主体名为“{shared}”，请填写其统一社会信用代码。", ambiguous);
        Assert.Contains($"找不到名称或统一社会信用代码为“{CodeOf(wuxing)}”的经营主体。", otherCounty);
        Assert.Contains("找不到名称或统一社会信用代码为“没有这个农场”的经营主体。", unknown);
        Assert.Null(await Linked());

        Assert.Equal(HttpStatusCode.Redirect, (await Link(clerk, " " + CodeOf(first).ToLowerInvariant() + "\u200B")).StatusCode);
        Assert.Equal(first, await Linked());
        Assert.Contains($"value=\"{CodeOf(first)}\"", await clerk.GetStringAsync($"/FollowUps/{task}")); // a shared name is shown by its code

        // The city officer sees every county: an entity that is not among the task county's suggestions is found by name.
        var wuxingName = await App.QueryAsync(db => db.BusinessEntities.Where(e => e.Id == wuxing).Select(e => e.Name).SingleAsync());
        Assert.DoesNotContain(wuxingName, await city.GetStringAsync($"/FollowUps/{task}"));
        Assert.Equal(HttpStatusCode.Redirect, (await Link(city, wuxingName)).StatusCode);
        Assert.Equal(wuxing, await Linked());

        // review13: the clerk cannot see that entity; the page says a link is kept, and a re-save with the field empty keeps it.
        var reopened = await clerk.GetStringAsync($"/FollowUps/{task}");
        Assert.Contains("已关联一个您所辖范围以外的经营主体", reopened);
        Assert.DoesNotContain(wuxingName, reopened);
        Assert.Equal(HttpStatusCode.Redirect, (await Link(clerk, "")).StatusCode);
        Assert.Equal(wuxing, await Linked());

        // A code typed in groups of four is the same code.
        var grouped = string.Join(' ', CodeOf(first).Chunk(4).Select(c => new string(c)));
        Assert.Equal(HttpStatusCode.Redirect, (await Link(clerk, grouped)).StatusCode);
        Assert.Equal(first, await Linked());
    }

    [Fact]
    public async Task Export_SaysWhatThePageSays_InTheViewersLanguage()
    {
        // review12: the milestone column showed 3 where the page shows 结业后3个月; English outcomes were joined with ";"
        // and no space, and "income +17%" was lower case.
        var (course, farmer) = await CompletedLongAgoAsync(105);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var task = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == farmer.PersonId).Select(p => p.Name).FirstAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        await clerk.PostFormAsync($"/FollowUps/{task}", new() { ["Input.AdoptedTechnique"] = "true", ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "17" });
        var export = $"/FollowUps?handler=Export&format=csv&State=Done&Q={Uri.EscapeDataString(name)}";

        var zh = await clerk.GetStringAsync(export);
        var en = await clerk.GetStringAsync(export + "&culture=en");

        Assert.Contains("结业后3个月", zh);
        Assert.Contains("采用了新技术；实现就业；收入 +17%", zh);
        Assert.Contains("3 months after", en);
        Assert.Contains("; Employed; Income +17%", en);
    }

    [Fact]
    public async Task IncomeChange_TypedInFullWidthDigits_IsSaved()
    {
        // review12: a Chinese input method types "１５"; the number field refused it as not a number.
        var (course, _) = await CompletedLongAgoAsync(110);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var task = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");

        var saved = await clerk.PostFormAsync($"/FollowUps/{task}", new() { ["Input.AdoptedTechnique"] = "true", ["Input.IncomeChangePercent"] = "－１５．５" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(-15.5m, await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == task).Select(t => t.IncomeChangePercent).SingleAsync()));
    }

    [Fact]
    public async Task Notes_AsLongAsTheTextBoxAllows_WithLineBreaks_AreSaved_WithTheBreaksAsLf()
    {
        // rev37c: the box counts a line break once (maxlength 500) but the browser posts CR LF; 500 characters with a line
        // break were refused as "longer than 500".
        var (course, _) = await CompletedLongAgoAsync(112);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var task = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var notes = new string('甲', 250) + "\r\n" + new string('乙', 249);

        var saved = await clerk.PostFormAsync($"/FollowUps/{task}", new() { ["Input.Employed"] = "true", ["Input.Notes"] = notes });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new string('甲', 250) + "\n" + new string('乙', 249),
            await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == task).Select(t => t.Notes).SingleAsync()));
    }

    [Fact]
    public async Task IncomeChange_FarOutOfRange_IsAnErrorNextToTheField_NotA500()
    {
        // review32: an int [Range] on the decimal field threw OverflowException for 99999999999999.
        var (course, _) = await CompletedLongAgoAsync(111);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var task = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");

        var refused = await clerk.PostFormAsync($"/FollowUps/{task}", new() { ["Input.AdoptedTechnique"] = "true", ["Input.IncomeChangePercent"] = "99999999999999" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.IncomeChangePercent\"[^>]*>收入变化须在 -100% 到 1000% 之间。", await refused.Content.ReadAsStringAsync());
        Assert.Null(await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == task).Select(t => t.RecordedAt).SingleAsync()));
    }

    [Fact]
    public async Task NameSearch_FindsTheCountysTask_WhenMoreThanAThousandPeopleInTheCityShareTheFragment()
    {
        // review18: the name search took the first 1000 matching people of the whole city; a common fragment (a surname)
        // filled them with other counties' people registered earlier, and the clerk's own task was not listed.
        var fragment = PeopleTestData.NewName("栾");
        List<int> decoys;
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var registry = scope.ServiceProvider.GetRequiredService<PersonRegistry>();
            var added = Enumerable.Range(0, 1001).Select(i =>
            {
                var person = new Person { Name = fragment + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) };
                registry.SetIdentifiers(person, IdNumber.Create("330502", new DateOnly(1951, 1, 1).AddDays(i * 7 + Random.Shared.Next(0, 7)),
                    Random.Shared.Next(0, 1000), Sex.Female), PeopleTestData.NewMobile());
                person.MoveTo(ImportClient.WuxingVillage);
                return person;
            }).ToList();
            db.People.AddRange(added);
            await db.SaveChangesAsync();
            decoys = added.Select(p => p.Id).ToList();
        }
        try
        {
            var (course, farmer) = await CompletedLongAgoAsync(200);
            await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
            var three = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
            await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == farmer.PersonId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, fragment + "安吉")));
            var clerk = await App.LoginAsync("anji.clerk");

            var list = await clerk.GetStringAsync($"/FollowUps?State=All&Q={Uri.EscapeDataString(fragment)}");
            var csv = await clerk.GetStringAsync($"/FollowUps?handler=Export&format=csv&State=All&Q={Uri.EscapeDataString(fragment)}");

            Assert.Contains($"data-task=\"{three}\"", list);
            Assert.Contains(fragment + "安吉", csv);
        }
        finally
        {
            await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => decoys.Contains(p.Id)).ExecuteDeleteAsync());
        }
    }

    /// <summary>
    /// Two clerks open the same task; the later save from the form shown before the first one's record is refused with what the
    /// first recorded, and nothing is overwritten. Saving the very values already stored from a stale form (a double submit) is quiet.
    /// </summary>
    [Fact]
    public async Task SecondClerksSaveFromAStaleForm_IsRefusedWithTheFirstsOutcome_AnIdenticalRepeatIsAccepted()
    {
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var first = await App.LoginAsync("anji.officer");
        var second = await App.LoginAsync("anji.clerk");
        var url = $"/FollowUps/{id}";
        var firstForm = await first.GetStringAsync(url);
        var secondForm = await second.GetStringAsync(url);
        var secondRepeatForm = await second.GetStringAsync(url);

        var saved = await PostShownAsync(first, url, firstForm, new() { ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "30" });
        var stored = await App.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == id));
        var refused = await PostShownAsync(second, url, secondForm, new() { ["Input.Unreachable"] = "true" });
        var repeat = await PostShownAsync(second, url, secondRepeatForm, new() { ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "30.0" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        // fix29a: the other clerk by name (their display name), as the roster and entity history name people — not the login.
        var officer = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "anji.officer").Select(u => u.DisplayName).SingleAsync());
        Assert.Contains($"{officer} 已于", html);
        Assert.DoesNotContain("您已于", html);
        Assert.DoesNotContain("anji.officer", html);
        Assert.Contains("实现就业", html);
        Assert.Contains("收入 +30%", html);
        Assert.Equal(HttpStatusCode.Redirect, repeat.StatusCode);
        var task = await App.QueryAsync(db => db.FollowUpTasks.SingleAsync(t => t.Id == id));
        Assert.False(task.Unreachable);
        Assert.True(task.Employed);
        Assert.Equal(30m, task.IncomeChangePercent);
        Assert.Equal(stored.RecordedAt, task.RecordedAt);
    }

    [Fact]
    public async Task SavingAgainAfterTheBackButton_SaysTheEarlierRecordIsTheUsersOwn_NotAnotherClerks()
    {
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/FollowUps/{id}";
        var form = await clerk.GetStringAsync(url);

        await PostShownAsync(clerk, url, form, new() { ["Input.Employed"] = "true" });
        // The back button shows the same form again (its old stamp); a different outcome is saved from it.
        var again = await PostShownAsync(clerk, url, form, new() { ["Input.Unreachable"] = "true" });
        var english = await PostShownAsync(clerk, url + "?culture=en", form, new() { ["Input.Unreachable"] = "true" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("您已于", html);
        Assert.DoesNotContain("周立新 已于", html);
        var en = WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync());
        Assert.Contains("You recorded this follow-up already at", en);
        Assert.DoesNotContain("replaces their record", en);
    }

    private async Task<(TestCourse, TestFarmer)> CompletedLongAgoAsync(int daysAgo)
    {
        var course = await App.FinishedCourseAsync(1, endedDaysAgo: daysAgo);
        var farmer = (await App.TraineesAsync(course.Id, 1))[0];
        var enrollment = await App.EnrollmentIdAsync(course.Id, farmer.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [enrollment] = AttendanceMark.Present });
        await App.CompleteAsync(course.Id);
        return (course, farmer);
    }

    [Fact]
    public async Task AFieldErrorAndARuleError_AreShownInOneRound_NextToTheirFields_NothingSaved()
    {
        // forms30: the outcome's rules ran only once every field passed, so errors came one round at a time.
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");

        var response = await clerk.PostFormAsync($"/FollowUps/{id}", new()
        {
            ["Input.StartedBusiness"] = "true", ["Input.VentureName"] = "", ["Input.Notes"] = new string('记', 501),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.VentureName\"[^>]*>已创业时请填写创业项目名称", html);
        Assert.Matches("data-valmsg-for=\"Input.Notes\"[^>]*>备注不能超过 500 个字符", html);
        Assert.False(await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.Id == id).Select(t => t.RecordedAt != null).SingleAsync()));
    }

    [Fact]
    public async Task ARecordSavedUnchanged_WritesNothing_AndSaysSo()
    {
        // forms30: saving a recorded follow-up as shown wrote an audit entry and moved its stamp on.
        var (course, _) = await CompletedLongAgoAsync(200);
        await App.RunAsync<FollowUpService, int>(s => s.CreateDueAsync());
        var id = await App.QueryAsync(db => db.FollowUpTasks.Where(t => t.CourseId == course.Id && t.Months == 3).Select(t => t.Id).SingleAsync());
        var clerk = await App.LoginAsync("anji.clerk");
        var url = $"/FollowUps/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostFormAsync(url, new() { ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "20" })).StatusCode);
        var recorded = await App.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == id));
        var audits = await App.AuditCountAsync(nameof(FollowUpTask), id);

        var response = await PostShownAsync(clerk, url, await clerk.GetStringAsync(url), new() { ["Input.Employed"] = "true", ["Input.IncomeChangePercent"] = "20" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("没有修改", await clerk.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(recorded.RecordedAt, (await App.QueryAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == id))).RecordedAt);
        Assert.Equal(audits, await App.AuditCountAsync(nameof(FollowUpTask), id));
    }
}
