using System.Text;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// fix18: an ID number typed or pasted in groups ("330523 19900101 1234" from a document, with ideographic or no-break
/// spaces, zero-width characters or hyphens) is taken on every input path and stored in its canonical 18 characters,
/// so the same number written another way is still a duplicate and is still found.
/// </summary>
public sealed class IdNumberSeparatorsTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>"330523 19900101 123X": region, birth date and sequence apart, as on the card and in many documents.</summary>
    private static string Grouped(string id, string separator) => string.Join(separator, id[..6], id[6..14], id[14..]);

    private Task<List<string>> StoredAsync(string name) =>
        App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Name == name).Select(p => p.IdNumber).ToListAsync());

    [Fact]
    public async Task TheForm_TakesANumberWithSpaces_StoresItCanonical_RefusesItAgainWithHyphens_AndSearchFindsItEitherWay()
    {
        var client = await App.LoginAsync("anji.clerk");
        var name = NewName("分隔");
        var id = NewIdNumber(YuCun).Value;

        var response = await client.PostFormAsync("/People/Create", CreateForm(name, Grouped(id, " ")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([id], await StoredAsync(name));
        var personId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var again = NewName("分隔重复");
        var html = await (await client.PostFormAsync("/People/Create", CreateForm(again, "\u200B" + Grouped(id, "\u00A0-\u3000")))).Content.ReadAsStringAsync();
        Assert.Equal("该身份证号已在安吉县登记，不能重复登记。", FieldError(html, "Input.IdNumber"));
        Assert.Empty(await StoredAsync(again));

        var bySpaces = await client.GetStringAsync("/People?Q=" + Uri.EscapeDataString(Grouped(id, "\u3000")));
        var byHyphens = await client.GetStringAsync("/People?Q=" + Uri.EscapeDataString(Grouped(id.ToLowerInvariant(), "-")));
        Assert.Contains($"/People/{personId}\"", bySpaces);
        Assert.Contains($"/People/{personId}\"", byHyphens);
    }

    [Fact]
    public async Task TheImport_TakesNumbersWithSeparators_AndFindsTheSameNumberWrittenTwoWaysInOneFile()
    {
        var client = await App.LoginAsync("anji.clerk");
        var names = new[] { NewName("导入分隔甲"), NewName("导入分隔乙"), NewName("导入分隔丙") };
        var first = NewIdNumber(YuCun).Value;
        var second = NewIdNumber(YuCun).Value;
        var csv = string.Join("\r\n",
            "姓名,身份证号,所在村（社区）,人才类别",
            $"{names[0]},{Grouped(first, "\u3000")},余村,高素质农民",
            $"{names[1]},{Grouped(second, "-")},余村,高素质农民",
            $"{names[2]},{Grouped(first, " ")},余村,高素质农民");

        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), "people.csv");

        var errors = ImportClient.Errors(html);
        Assert.Equal([4], errors.Select(e => e.Row).Distinct());
        Assert.Contains(errors, e => e.Column.Contains("身份证号") && e.Reason == "与第 2 行重复。");
        await client.ConfirmAsync("/People/Import", html);
        Assert.Equal([first], await StoredAsync(names[0]));
        Assert.Equal([second], await StoredAsync(names[1]));
        Assert.Empty(await StoredAsync(names[2]));
    }

    [Fact]
    public async Task SelfRegistration_TakesANumberWithHyphens()
    {
        var n = Random.Shared.Next(0, 10_000);
        var id = IdNumber.Create("330523", new DateOnly(1963, 1, 1).AddDays(n), n % 1000, Sex.Female).Value;
        var mobile = $"1372{n:D4}{Random.Shared.Next(0, 1000):D3}";
        const string password = "bamboo shoots in early spring";
        var name = NewName("钱");

        var response = await App.NewClient().PostFormAsync("/Identity/Account/Register", new()
        {
            ["Input.Mobile"] = mobile, ["Input.Name"] = name, ["Input.IdNumber"] = Grouped(id, " - "),
            ["Input.VillageCode"] = YuCun, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([id], await StoredAsync(name));
    }
}
