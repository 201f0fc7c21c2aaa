namespace TalentHub.IntegrationTests.Pages.Shell;

/// <summary>
/// Review: <c>/Admin/Audit?County=bogus</c> listed the whole audit and <c>/Courses?Program=99999999999</c> every course. A
/// list's filter value that cannot be read or names nothing the user may see (another county's region like a made-up one)
/// is reported next to its field and the list shows no rows (<c>ListFilters</c>); the control request without the bad
/// value lists rows, so an ignored filter fails the test.
/// </summary>
public sealed class ListFilterRefusalTests(TalentHubFactory app) : AppTest(app)
{
    private const string Wuxing = "330502000000";
    private const string WuxingTownship = "330502100000";

    [Theory]
    // Audit (administrator: every county)
    [InlineData("admin", "/Admin/Audit", "County=bogus", "County")]
    [InlineData("admin", "/Admin/Audit", "County=999999999999", "County")]
    [InlineData("admin", "/Admin/Audit", "County=330502100000", "County")]
    [InlineData("admin", "/Admin/Audit", "action=Nonsense", "action")]
    [InlineData("admin", "/Admin/Audit", "Type=NoSuchRecord", "Type")]
    [InlineData("admin", "/Admin/Audit", "From=yesterday", "From")]
    // Courses
    [InlineData("city.officer", "/Courses", "Program=99999999999", "Program")]
    [InlineData("city.officer", "/Courses", "Program=123456789", "Program")]
    [InlineData("city.officer", "/Courses", "Program=abc", "Program")]
    [InlineData("city.officer", "/Courses", "Status=Nonsense", "Status")]
    [InlineData("city.officer", "/Courses", "Topic=7", "Topic")]
    [InlineData("city.officer", "/Courses", "County=bogus", "County")]
    [InlineData("city.officer", "/Courses", "To=2026-13-45", "To")]
    [InlineData("anji.clerk", "/Courses", "County=" + Wuxing, "County")]
    [InlineData("anji.clerk", "/Courses", "County=330523999000", "County")]
    // People
    [InlineData("city.officer", "/People", "County=bogus", "County")]
    [InlineData("city.officer", "/People", "Township=33050210", "Township")]
    [InlineData("city.officer", "/People", "Category=Nonsense", "Category")]
    [InlineData("city.officer", "/People", "Education=-1x", "Education")]
    [InlineData("anji.clerk", "/People", "County=" + Wuxing, "County")]
    [InlineData("anji.clerk", "/People", "Township=" + WuxingTownship, "Township")]
    [InlineData("anji.clerk", "/People", "Township=330523999999", "Township")]
    // Business entities
    [InlineData("city.officer", "/Entities", "County=bogus", "County")]
    [InlineData("city.officer", "/Entities", "Township=3305", "Township")]
    [InlineData("city.officer", "/Entities", "Type=Nonsense", "Type")]
    [InlineData("city.officer", "/Entities", "Rating=99", "Rating")]
    [InlineData("anji.clerk", "/Entities", "County=" + Wuxing, "County")]
    [InlineData("anji.clerk", "/Entities", "Township=" + WuxingTownship, "Township")]
    // The public catalog (anonymous) and the follow-up tasks
    [InlineData(null, "/Catalog", "County=bogus", "County")]
    [InlineData(null, "/Catalog", "County=330502100000", "County")]
    [InlineData(null, "/Catalog", "Topic=Nonsense", "Topic")]
    [InlineData(null, "/Catalog", "From=not-a-date", "From")]
    [InlineData("city.officer", "/FollowUps", "State=Nonsense", "State")]
    [InlineData("city.officer", "/FollowUps", "Months=7", "Months")]
    [InlineData("city.officer", "/FollowUps", "Months=99999999999", "Months")]
    // Accounts (city manager)
    [InlineData("admin", "/Admin/Users", "Role=Nonsense", "Role")]
    [InlineData("admin", "/Admin/Users", "County=bogus", "County")]
    [InlineData("admin", "/Admin/Users", "County=330599000000", "County")]
    public async Task AFilterValueThatNamesNothing_IsReportedAtItsField_AndListsNothing(string? login, string path, string bad, string field)
    {
        var client = login is null ? App.NewClient() : await App.LoginAsync(login);

        var control = await client.GetStringAsync(path);
        var refused = await client.GetAsync(path + "?" + bad);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.DoesNotContain("class=\"empty-state\"", control);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"data-filter-error=\"{field}\"", html);
        Assert.Contains("class=\"empty-state\"", html);
    }

    [Theory]
    [InlineData("city.officer", "/People", "County=bogus")]
    [InlineData("city.officer", "/People", "Category=Nonsense")]
    [InlineData("anji.clerk", "/People", "Township=" + WuxingTownship)]
    [InlineData("city.officer", "/Entities", "Township=3305")]
    [InlineData("anji.clerk", "/Entities", "County=" + Wuxing)]
    [InlineData("city.officer", "/FollowUps", "Months=7", "?handler=Export&format=csv&")]
    public async Task AnExportWithARefusedFilter_SendsNoFile_ButTheListMarkingTheValue(string login, string list, string bad,
        string export = "/Export?format=csv&")
    {
        var client = await App.LoginAsync(login);

        var response = await client.GetAsync(list + export + bad);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{list}?{bad}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("city.officer", "County=bogus", "County")]
    [InlineData("city.officer", "County=330502100000", "County")]
    [InlineData("city.officer", "ProgramId=99999999", "ProgramId")]
    [InlineData("city.officer", "ProgramId=99999999999", "ProgramId")]
    [InlineData("city.officer", "Category=Nonsense", "Category")]
    [InlineData("city.officer", "Year=1999", "Year")]
    [InlineData("city.officer", "Year=abc", "Year")]
    [InlineData("anji.clerk", "County=" + Wuxing, "County")]
    public async Task TheReports_WithARefusedFilter_MarkTheField_AndShowNoFigures_NorExportThem(string login, string bad, string field)
    {
        var client = await App.LoginAsync(login);

        var control = await client.GetStringAsync("/Reports");
        var html = await client.GetStringAsync("/Reports?" + bad);
        var export = await client.GetAsync("/Reports?handler=Export&format=csv&sheet=0&" + bad);

        Assert.Contains("id=\"progress-table\"", control);
        Assert.Contains($"data-filter-error=\"{field}\"", html);
        Assert.Contains("id=\"report-refused\"", html);
        Assert.DoesNotContain("id=\"progress-table\"", html);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal("/Reports?" + bad, export.Headers.Location!.OriginalString);
    }

    /// <summary>The course calendar (whose month may hold no sessions, so no control request).</summary>
    [Theory]
    [InlineData("city.officer", "County=bogus")]
    [InlineData("anji.clerk", "County=" + Wuxing)]
    [InlineData("anji.clerk", "County=330523999000")]
    public async Task TheCalendar_WithARefusedCounty_MarksIt_AndShowsNoSessions(string login, string bad)
    {
        var client = await App.LoginAsync(login);

        var html = await client.GetStringAsync("/Courses/Calendar?" + bad);

        Assert.Contains("data-filter-error=\"County\"", html);
        Assert.Contains("class=\"empty-state\"", html);
        Assert.DoesNotContain("本月没有课次", html);
    }

    /// <summary>
    /// Review10: <c>/Courses/Calendar?month=abc</c> silently showed the current month. A month that cannot be read or is out
    /// of range is marked at the month field, in the page's language, and no sessions are shown; the county keeps its value.
    /// </summary>
    [Theory]
    [InlineData("city.officer", "abc")]
    [InlineData("city.officer", "2026-13")]
    [InlineData("city.officer", "1900-01")]
    [InlineData("city.officer", "1999-12")]
    [InlineData("city.officer", "2101-01")]
    [InlineData("city.officer", "2199-01")]
    [InlineData("city.officer", "2026-1")]
    [InlineData("anji.clerk", "２０２６-１３")] // full-width digits are read (rev36, as every number and date field since review12), but month 13 is not one
    public async Task TheCalendar_WithAnUnreadableMonth_MarksTheMonthField_AndShowsNoSessions(string login, string month)
    {
        var client = await App.LoginAsync(login);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Courses/Calendar?month=" + Uri.EscapeDataString(month)
            + (login == "city.officer" ? "&County=330523000000" : "")));

        // The range is the one every month and year field accepts (PlanningYears), not one derived from date arithmetic;
        // the heading names the current month instead of "—".
        Assert.Contains($"月份“{month}”无法识别：请按 yyyy-MM 填写 2000-01 至 2100-12 之间的月份", ErrorOf(html, "month"));
        var today = ShanghaiDays.Today();
        Assert.Contains($"<span id=\"calendar-month\">{today.Year}年{today.Month}月</span>", html);
        // No sessions are looked up, so the page does not claim the current month has none (review15: "本月没有课次" under
        // the current month's heading while that month had sessions).
        Assert.DoesNotContain("本月没有课次", html);
        Assert.Contains("请先更正上面标出的查询条件，再查看课次。", html);
        Assert.DoesNotContain("id=\"calendar-grid\"", html);
        Assert.Contains($"value=\"{month}\"", html);
        if (login == "city.officer") Assert.Contains("<option value=\"330523000000\" selected=\"selected\">", html);
    }

    [Fact]
    public async Task TheCalendar_ReadsAGoodMonth_AndMarksABadOneInEnglish()
    {
        var client = await App.LoginAsync("city.officer");

        var good = await client.GetStringAsync("/Courses/Calendar?month=2026-02");
        var last = await client.GetStringAsync("/Courses/Calendar?month=2100-12");
        var bad = WebUtility.HtmlDecode(await client.GetStringAsync("/Courses/Calendar?culture=en&month=abc"));

        Assert.DoesNotContain("data-filter-error", good);
        Assert.Contains("value=\"2026-02\"", good);
        Assert.Contains("Month “abc” cannot be read: give a month as yyyy-MM from 2000-01 to 2100-12.", ErrorOf(bad, "month"));
        Assert.Contains($"<span id=\"calendar-month\">{ShanghaiDays.Today().ToDateTime(TimeOnly.MinValue).ToString("Y", System.Globalization.CultureInfo.GetCultureInfo("en"))}</span>", bad);
        Assert.DoesNotContain("No sessions this month.", bad);
        Assert.Contains("Correct the marked field above to see the sessions.", bad);
        Assert.DoesNotContain("data-filter-error", last);
        Assert.Contains("value=\"2100-12\"", last);
    }

    /// <summary>The same kind on the targets page: a year that cannot be read or is out of range showed (and edited) this year.</summary>
    [Theory]
    [InlineData("abc", "年份：“abc”不是有效的数字")]
    [InlineData("1999", "年份须在2000至2100之间")]
    [InlineData("99999999999", "年份")]
    public async Task TheTargets_WithARefusedYear_MarkTheYearField_AndOfferNoTableToEdit(string year, string message)
    {
        var officer = await App.LoginAsync("city.officer");

        var control = await officer.GetStringAsync("/Reports/Targets");
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/Reports/Targets?Year=" + year));

        Assert.Contains("id=\"targets-form\"", control);
        Assert.Contains(message, ErrorOf(html, "Year"));
        Assert.DoesNotContain("id=\"targets-form\"", html);
    }

    [Fact]
    public async Task AnotherCountysCode_ReadsExactlyLikeAMadeUpOne()
    {
        var clerk = await App.LoginAsync("anji.clerk");

        var other = await clerk.GetStringAsync("/People?County=" + Wuxing);
        var madeUp = await clerk.GetStringAsync("/People?County=330599000000");

        // The same words, but for the value itself (named since review10: the county field is not on a county user's form).
        Assert.Equal(ErrorOf(madeUp, "County").Replace("330599000000", Wuxing, StringComparison.Ordinal), ErrorOf(other, "County"));
        Assert.Contains("不在您的范围内", ErrorOf(other, "County"));
    }

    [Fact]
    public async Task TheMessage_IsInEnglish_OnAnEnglishPage_AndTheOtherFiltersKeepTheirValues()
    {
        var client = await App.LoginAsync("city.officer");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Courses?culture=en&Program=123456789&Q=keep-me"));

        Assert.Contains("No such value here", ErrorOf(html, "Program"));
        Assert.Contains("value=\"keep-me\"", html);
    }

    [Fact]
    public async Task TheScopedUsersOwnCounty_StillFilters()
    {
        var clerk = await App.LoginAsync("anji.clerk");

        var html = await clerk.GetStringAsync("/People?County=330523000000");

        Assert.DoesNotContain("data-filter-error", html);
        Assert.DoesNotContain("class=\"empty-state\"", html);
    }

    /// <summary>
    /// Review: a value that cannot be read at all got the binder's message with the C# property's name
    /// ("“Open”不是有效的Status。"); each filter now names its field by the form's own label, in the page's language.
    /// </summary>
    [Theory]
    [InlineData("city.officer", "/Courses?Status=Open", "Status", "状态", "Status")]
    [InlineData("city.officer", "/Courses?Program=abc", "Program", "培训项目", "Program")]
    [InlineData("city.officer", "/Courses?To=2300-01-01", "To", "上课日期至", "To")]
    [InlineData("city.officer", "/People?Education=abc", "Education", "学历", "Education")]
    [InlineData("city.officer", "/Entities?Rating=abc", "Rating", "示范等级", "Rating")]
    [InlineData("city.officer", "/Reports?Year=abc", "Year", "年份", "Year")]
    [InlineData("city.officer", "/FollowUps?Months=abc", "Months", "跟踪节点", "Months")]
    [InlineData("admin", "/Admin/Audit?action=Bogus", "action", "操作", "Kind")]
    [InlineData(null, "/Catalog?From=2300-01-01", "From", "上课日期从", "From")]
    public async Task AnUnreadableValue_IsNamedByItsFieldsLabel_NotByTheProperty(string? login, string url, string field, string label,
        string property)
    {
        var client = login is null ? App.NewClient() : await App.LoginAsync(login);

        var error = ErrorOf(WebUtility.HtmlDecode(await client.GetStringAsync(url)), field);

        Assert.Contains(label, error);
        Assert.DoesNotContain(property, error);
    }

    /// <summary>
    /// Review10: an enum filter given a number the enum does not define (<c>/People?Category=99</c>) got the field-less
    /// "“99”无效。"; it names the field by the form's label like an unreadable value, on every list page's enum filter.
    /// </summary>
    [Theory]
    [InlineData("city.officer", "/People?Category=99", "Category", "“99”不是有效的人才类别")]
    [InlineData("city.officer", "/People?Education=99", "Education", "“99”不是有效的学历")]
    [InlineData("city.officer", "/Entities?Type=99", "Type", "“99”不是有效的主体类型")]
    [InlineData("city.officer", "/Entities?Status=99", "Status", "“99”不是有效的状态")]
    [InlineData("city.officer", "/Entities?Rating=99", "Rating", "“99”不是有效的示范等级")]
    [InlineData("city.officer", "/Courses?Status=99", "Status", "“99”不是有效的状态")]
    [InlineData("city.officer", "/Courses?Topic=99", "Topic", "“99”不是有效的专业方向")]
    [InlineData("city.officer", "/FollowUps?State=99", "State", "“99”不是有效的状态")]
    [InlineData("city.officer", "/Reports?Category=99", "Category", "“99”不是有效的课程类别")]
    [InlineData("admin", "/Admin/Audit?action=99", "action", "“99”不是有效的操作")]
    [InlineData(null, "/Catalog?Topic=99", "Topic", "“99”不是有效的方向")]
    public async Task AnEnumFilterGivenANumberItDoesNotDefine_IsNamedByItsFieldsLabel(string? login, string url, string field, string message)
    {
        var client = login is null ? App.NewClient() : await App.LoginAsync(login);

        var error = ErrorOf(WebUtility.HtmlDecode(await client.GetStringAsync(url)), field);

        Assert.Contains(message, error);
    }

    [Fact]
    public async Task AnUndefinedEnumNumber_IsNamedByItsEnglishLabel_OnAnEnglishPage()
    {
        var client = await App.LoginAsync("city.officer");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/People?culture=en&Category=99"));

        // "“99” is not a valid Category." put a capitalised label mid-sentence ("is not a valid Annual income."): the label
        // now leads, as in the date and number messages (review34g).
        Assert.Contains("Category: “99” is not a valid value.", ErrorOf(html, "Category"));
    }

    /// <summary>
    /// Review11: an enum filter given as a comma list bound as the names' bitwise OR
    /// (<c>ReturningEntrepreneur,HighQualityFarmer</c> = ProfessionalManager, so the list showed people nobody asked for),
    /// and a repeated key silently used its first value. Both are refused at the field naming it, with no rows shown,
    /// on every list page's enum filter.
    /// </summary>
    [Theory]
    [InlineData("city.officer", "/People?Category=ReturningEntrepreneur,HighQualityFarmer", "Category", "人才类别只能选一项")]
    [InlineData("city.officer", "/People?Category=ReturningEntrepreneur&Category=HighQualityFarmer", "Category", "人才类别只能选一项")]
    [InlineData("city.officer", "/Entities?Type=Cooperative,FamilyFarm", "Type", "主体类型只能选一项")]
    [InlineData("city.officer", "/Courses?Status=Published&Status=Draft", "Status", "状态只能选一项")]
    [InlineData("admin", "/Admin/Audit?action=Create,Update", "action", "操作只能选一项")]
    [InlineData(null, "/Catalog?Topic=1&Topic=2", "Topic", "方向只能选一项")]
    public async Task AnEnumFilterGivenTwoValues_IsRefusedAtItsField_NotOredIntoAThird(string? login, string url, string field, string message)
    {
        var client = login is null ? App.NewClient() : await App.LoginAsync(login);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));

        Assert.Contains(message, ErrorOf(html, field));
    }

    [Fact]
    public async Task TwoCategories_ShowNoProfessionalManagers()
    {
        var client = await App.LoginAsync("city.officer");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/People?culture=en&Category=ReturningEntrepreneur,HighQualityFarmer"));

        Assert.Contains("Category takes one value only (got “ReturningEntrepreneur,HighQualityFarmer”)", ErrorOf(html, "Category"));
        Assert.DoesNotContain("/People/", html.Split("<tbody", 2).ElementAtOrDefault(1) ?? "");
    }

    /// <summary>
    /// Review10: a county user's refused <c>County</c> — a field their form does not show (or shows fixed to their own county)
    /// — was marked with the bare "no such value" under the search box; the mark names the field and the refused value, the
    /// same words for another county's code and a made-up one, on every list that hides the field for them.
    /// </summary>
    [Theory]
    [InlineData("/People?County=" + Wuxing, "县（市、区）“" + Wuxing + "”不在您的范围内")]
    [InlineData("/People?County=330599000000", "县（市、区）“330599000000”不在您的范围内")]
    [InlineData("/Entities?County=" + Wuxing, "县（市、区）“" + Wuxing + "”不在您的范围内")]
    [InlineData("/Courses?County=" + Wuxing, "县（市、区）“" + Wuxing + "”不在您的范围内")]
    [InlineData("/Courses/Calendar?County=" + Wuxing, "县（市、区）“" + Wuxing + "”不在您的范围内")]
    [InlineData("/Reports?County=" + Wuxing, "县（市、区）“" + Wuxing + "”不在您的范围内")]
    public async Task ACountyUsersRefusedHiddenCounty_IsMarkedNamingTheFieldAndTheValue(string url, string message)
    {
        var officer = await App.LoginAsync("anji.officer");

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(url));

        Assert.Contains(message, ErrorOf(html, "County"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-filter-error=\"County\""));
    }

    [Fact]
    public async Task ACountyUsersRefusedHiddenCounty_IsNamedInEnglish_OnAnEnglishPage()
    {
        var officer = await App.LoginAsync("anji.officer");

        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/Entities?culture=en&County=" + Wuxing));

        Assert.Contains("County “" + Wuxing + "” is not within what you may see", ErrorOf(html, "County"));
    }

    /// <summary>
    /// The same kind for every role: a value in the address for a field no form shows (<c>Desc=maybe</c>) emptied the list
    /// with no mark at all; it is marked naming the key and the value.
    /// </summary>
    [Theory]
    [InlineData("city.officer", "/People?Desc=maybe")]
    [InlineData("city.officer", "/Entities?Desc=maybe")]
    [InlineData("city.officer", "/Courses?Desc=maybe")]
    public async Task AValueForAFieldNoFormShows_IsMarkedNamingTheKeyAndTheValue(string login, string url)
    {
        var client = await App.LoginAsync(login);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(url));

        Assert.Contains("地址中的筛选条件 Desc=“maybe” 无法使用", ErrorOf(html, "Desc"));
        Assert.Contains("class=\"empty-state\"", html);
    }

    [Fact]
    public async Task AnUnreadableValue_IsNamedByItsEnglishLabel_OnAnEnglishPage()
    {
        var client = await App.LoginAsync("city.officer");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Entities?culture=en&Rating=abc"));

        Assert.Contains("Demonstration rating", ErrorOf(html, "Rating"));
    }

    /// <summary>
    /// Review10: the output cache's key sorts a repeated key's values while binding reads the first, so an anonymous
    /// <c>?County=979&amp;County=…</c> was served the cached page of <c>?County=…&amp;County=979</c>: the Deqing list, unrefused.
    /// </summary>
    [Fact]
    public async Task ARepeatedFilter_ReadsAlike_ForAnonymousAndSignedInVisitors_WhateverWasCachedBefore()
    {
        const string valid = "330521000000";
        var anonymous = App.NewClient();
        await anonymous.GetStringAsync($"/Catalog?County={valid}&County=979");

        var refusedAnonymously = await anonymous.GetStringAsync($"/Catalog?County=979&County={valid}");
        var refusedSignedIn = await (await App.LoginAsync("city.officer")).GetStringAsync($"/Catalog?County=979&County={valid}");

        Assert.Contains("data-filter-error=\"County\"", refusedSignedIn);
        Assert.Contains("data-filter-error=\"County\"", refusedAnonymously);
    }

    private static string ErrorOf(string html, string field)
    {
        var start = html.IndexOf($"data-filter-error=\"{field}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no error for {field}");
        var open = html.IndexOf('>', start) + 1;
        return html[open..html.IndexOf("</div>", open, StringComparison.Ordinal)];
    }
}
