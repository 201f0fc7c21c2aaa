using static Microsoft.Playwright.Assertions;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Stories;

/// <summary>forms31: a staff form shows every error after one submit, each in the page's language beside its field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormErrorsStory(BrowserApp app)
{
    [Fact]
    public async Task CourseForm_WithAnEmptyRequiredFieldAndAWindowClosingBeforeItOpens_ShowsBothAfterOneClick()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "anji.clerk");
        await page.GotoAsync("/Courses/Create?culture=zh-CN");
        // The browser's own checks (and their bubble, in the browser's language) are off on every form.
        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('form:not([novalidate])').length"));

        await page.FillAsync("#Input_EnrollmentOpensAt", "2027-03-10T09:00");
        await page.FillAsync("#Input_EnrollmentClosesAt", "2027-03-01T09:00");
        await page.ClickAsync("#course-form button[type=submit]");

        // One click: the empty title (a client-side check), the category left on its placeholder and the window's order
        // (a domain rule only the server knows) come back together.
        await Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToHaveTextAsync("请填写班名。");
        await Expect(page.Locator("[data-valmsg-for='Input.Category']")).ToHaveTextAsync("请选择培训类型。");
        await Expect(page.Locator("[data-valmsg-for='Input.EnrollmentClosesAt']")).ToHaveTextAsync("报名截止时间须晚于报名开始时间。");

        // The script says the same for a list: choosing a type clears it, going back to the placeholder says 请选择.
        await page.SelectOptionAsync("#Input_Category", new[] { "" });
        await Expect(page.Locator("[data-valmsg-for='Input.Category']")).ToHaveTextAsync("请选择培训类型。");
        // An HTML constraint (min on a number) gets the page's message too, not the browser's.
        await page.FillAsync("#Input_MinAttendancePercent", "0");
        await page.DispatchEventAsync("#Input_MinAttendancePercent", "change");
        await Expect(page.Locator("[data-valmsg-for='Input.MinAttendancePercent']")).Not.ToBeEmptyAsync();
        await BrowserApp.ScreenshotAsync(page, "course-form-all-errors");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// imports32 item 3: a whole-number field given 1.5 said "须按  的间隔填写" (a step message with no step) in the script;
    /// it says the field must be a whole number, in the page's language, as the server does.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "雇工人数必须为整数。")]
    [InlineData("en", "Employees must be a whole number.")]
    public async Task EntityForm_AFractionInAWholeNumberField_SaysItMustBeAWholeNumber(string culture, string message)
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "anji.clerk");
        await page.GotoAsync("/Entities/Create?culture=" + culture);

        await page.FillAsync("#Input_Employees", "1.5");
        await page.DispatchEventAsync("#Input_Employees", "change");

        await Expect(page.Locator("[data-valmsg-for='Input.Employees']")).ToHaveTextAsync(message);
        await page.Context.CloseAsync();
    }
}
