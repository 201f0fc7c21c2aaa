using TalentHub.Web.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.IntegrationTests.Pages.Entities;

/// <summary>Makes unique entities through the real create form, and small helpers for their pages.</summary>
public static class EntityForms
{
    public const string Yucun = "330523108204";        // 安吉县 天荒坪镇 余村
    public const string Xishancun = "330502101206";    // 吴兴区 八里店镇 西山村
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid credit code no other test uses; 92 for family farms, 93 for cooperatives.</summary>
    public static string NewCreditCode(string prefix = "92")
    {
        var tail = string.Concat(Enumerable.Range(0, 7).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        return TalentHub.Web.Domain.Common.CreditCode.Create(prefix + "330523MA" + tail);
    }

    public static string NewName(string what = "家庭农场") => $"测试{Guid.NewGuid().ToString("N")[..8]}{what}";

    public static Dictionary<string, string> Fields(string name, string creditCode, int leaderId,
        EntityType type = EntityType.FamilyFarm, string village = Yucun) => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = creditCode,
        ["Input.Type"] = type.ToString(),
        ["Input.LegalRepresentativeId"] = leaderId.ToString(CultureInfo.InvariantCulture),
        ["Input.RegisteredOn"] = "2024-03-05",
        ["Input.RegionCode"] = village,
        ["Input.Address"] = "天荒坪镇余村 8 号",
        ["Input.Industry"] = "白茶",
        ["Input.LandArea"] = "12.5",
        // Kind-specific figures: 成员数 for cooperatives, 家庭劳动力 for family farms (a value for another kind is refused).
        ["Input.Members"] = type == EntityType.Cooperative ? "25" : "",
        ["Input.FamilyLabour"] = type == EntityType.FamilyFarm ? "3" : "",
        ["Input.Employees"] = "4",
        ["Input.HouseholdsDriven"] = "15",
        ["Input.AnnualRevenue"] = "86.4",
        ["Input.Rating"] = "County",
        ["Input.RatingYear"] = "2025",
        ["Input.Version"] = "0",
    };

    /// <summary>Creates an entity through the form and returns its id (asserting the redirect to its page).</summary>
    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync("/Entities/Create", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>A family farm in 安吉县 created by <paramref name="client"/>, led by an 安吉县 person.</summary>
    public static async Task<int> CreateAnjiFarmAsync(this TalentHubFactory app, HttpClient client, string? name = null) =>
        await CreateAsync(client, Fields(name ?? NewName(), NewCreditCode(), await app.PersonIdInCountyAsync("330523")));

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, EntityStatus to, string? reason = null) =>
        client.PostFormAsync($"/Entities/{id}?handler=Move", new() { ["to"] = to.ToString(), ["Reason"] = reason ?? "" }, formPage: $"/Entities/{id}");

    public static Task<BusinessEntity> LoadAsync(this TalentHubFactory app, int id) =>
        app.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).AsNoTracking()
            .Include(e => e.People).Include(e => e.History).SingleAsync(e => e.Id == id));
}
