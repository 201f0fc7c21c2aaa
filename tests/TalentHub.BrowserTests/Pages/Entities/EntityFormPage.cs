using System.Globalization;
using Microsoft.Playwright;
using TalentHub.BrowserTests.Support;

namespace TalentHub.BrowserTests.Pages.Entities;

/// <summary>The business entity create form (/Entities/Create), reached from the list.</summary>
public sealed class EntityFormPage(IPage page)
{
    public async Task OpenFromListAsync()
    {
        await page.GotoAsync("/Entities");
        await page.ClickAndFollowAsync("#create-entity", "**/Entities/Create");
    }

    public async Task FillRegistrationAsync(string name, string type, string creditCode, string registeredOn, string village, string address, string industry)
    {
        await page.FillAsync("#Input_Name", name);
        await page.SelectOptionAsync("#Input_Type", type);
        await page.FillAsync("#Input_CreditCode", creditCode);
        await page.FillAsync("#Input_RegisteredOn", registeredOn);
        await page.SelectOptionAsync("#Input_RegionCode", village);
        await page.FillAsync("#Input_Address", address);
        await page.FillAsync("#Input_Industry", industry);
    }

    /// <summary>Searches people by <paramref name="who"/> and waits until <paramref name="personId"/> is offered as legal representative.</summary>
    public async Task FindPeopleAsync(string who, int personId)
    {
        await page.FillAsync("#Who", who);
        await page.FollowAsync(() => page.ClickAsync("#find-people"), url => url.Contains("/Entities/Create", StringComparison.Ordinal));
        await page.WaitForSelectorAsync($"#Input_LegalRepresentativeId option[value='{personId}']", new() { State = WaitForSelectorState.Attached });
    }

    public Task<string> NameAsync() => page.InputValueAsync("#Input_Name");

    public Task ChooseLegalRepresentativeAsync(int personId) =>
        page.SelectOptionAsync("#Input_LegalRepresentativeId", personId.ToString(CultureInfo.InvariantCulture));

    public async Task FillFarmFiguresAsync(string landArea, string familyLabour, string annualRevenue)
    {
        await page.FillAsync("#Input_LandArea", landArea);
        await page.FillAsync("#Input_FamilyLabour", familyLabour);
        await page.FillAsync("#Input_AnnualRevenue", annualRevenue);
    }

    public Task SaveAsync() => page.ClickAsync("#save");
}
