using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Common;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>Issue 8, item 13: one normalisation (NKFC, invisible characters removed, trimmed) on every input path.</summary>
public sealed class TextNormalisationTests(TalentHubFactory app) : AppTest(app)
{
    private const string ZeroWidth = "\u200B";

    /// <summary>"330523…" typed with full-width digits (and a full-width X), as a Chinese IME produces them.</summary>
    private static string FullWidth(string ascii) => string.Concat(ascii.Select(c => c is >= '0' and <= '9' or 'X' ? (char)(c + 0xFEE0) : c));

    [Fact]
    public async Task TheForm_StoresANameWithoutItsZeroWidthSpace_AndTakesAFullWidthIdNumber_AndSearchFindsIt()
    {
        var client = await App.LoginAsync("anji.clerk");
        var name = NewName("李" + ZeroWidth);
        var id = NewIdNumber(YuCun);

        var response = await client.PostPairsAsync("/People/Create",
        [
            ("Input.Name", " " + name + "\u3000"), ("Input.IdNumber", FullWidth(id.Value)), ("Input.RegionCode", YuCun),
            ("Input.Categories", "HighQualityFarmer"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var personId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var person = await App.PersonAsync(personId);
        Assert.Equal(name.Replace(ZeroWidth, ""), person!.Name);
        Assert.Equal(id.Value, person.IdNumber);

        var byTypedName = await client.GetStringAsync("/People?Q=" + Uri.EscapeDataString(name));
        var byCleanName = await client.GetStringAsync("/People?Q=" + Uri.EscapeDataString(name.Replace(ZeroWidth, "")));
        var byFullWidthId = await client.GetStringAsync("/People?Q=" + Uri.EscapeDataString(FullWidth(id.Value)));
        Assert.Contains($"/People/{personId}\"", byTypedName);
        Assert.Contains($"/People/{personId}\"", byCleanName);
        Assert.Contains($"/People/{personId}\"", byFullWidthId);
    }

    [Fact]
    public async Task TheImport_NormalisesNamesAndIdentifiers_LikeTheForm()
    {
        var client = await App.LoginAsync("anji.clerk");
        var name = NewName("王" + ZeroWidth);
        var id = NewIdNumber(YuCun);
        var csv = $"姓名,身份证号,所在村（社区）,人才类别\r\n{name},{FullWidth(id.Value)}\u200B,余村,高素质农民\r\n";

        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "people.csv");
        Assert.Empty(ImportClient.Errors(html));
        await client.ConfirmAsync("/People/Import", html);

        var stored = await App.QueryAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Name == name.Replace(ZeroWidth, "")).Select(p => p.IdNumber).ToListAsync());
        Assert.Equal([id.Value], stored);
    }

    [Fact]
    public async Task SignUpAndLogIn_TakeFullWidthDigitsAndInvisibleCharacters()
    {
        var n = Random.Shared.Next(0, 10_000);
        var id = IdNumber.Create("330523", new DateOnly(1962, 1, 1).AddDays(n), n % 1000, Sex.Male).Value;
        var mobile = $"1371{n:D4}{Random.Shared.Next(0, 1000):D3}";
        const string password = "tea terraces after the rain";
        var name = NewName("赵" + ZeroWidth);

        var response = await App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = FullWidth(mobile), ["Input.Name"] = name, ["Input.IdNumber"] = FullWidth(id),
            ["Input.VillageCode"] = "330523108204", ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await App.CountNamedAsync(name.Replace(ZeroWidth, "")));
        await App.LoginAsync(ZeroWidth + FullWidth(mobile) + " ", password);
    }
}
