using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Api;

/// <summary>
/// fix34e: the issue form on /Admin/ApiTokens carries a one-time submission token, so a refresh (the browser posts the form
/// again) or a double click issues no second live token whose secret nobody sees; the revoke button asks first; a city
/// officer cannot issue a token owned by an administrator account.
/// </summary>
public sealed class ApiTokenIssueOnceTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>The text of the validation message next to <paramref name="field"/> ("" when none).</summary>
    private static string FieldMessage(string html, string field) => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html,
        $"data-valmsg-for=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    private const string Page = "/Admin/ApiTokens";

    private static Dictionary<string, string> Fields(string name, string owner = "anji.officer", string? submission = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.OwnerUserName"] = owner, ["Input.RegionCode"] = ApiClient.Anji,
            ["Input.Resources"] = "people", ["Input.ExpiresOn"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"),
        };
        if (submission is not null) fields["SubmissionToken"] = submission;
        return fields;
    }

    private Task<int> CountAsync(string name) => App.QueryAsync(db => db.ApiTokens.CountAsync(t => t.Name == name));

    [Fact]
    public async Task The_same_form_posted_again_issues_no_second_token_and_does_not_show_a_secret()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "once " + Guid.NewGuid().ToString("N")[..6];
        var submission = FormClient.SubmissionTokenOf(await officer.GetStringAsync(Page));
        Assert.NotNull(submission);

        var first = await (await officer.PostFormAsync(Page + "?handler=Create", Fields(name, submission: submission), Page)).Content.ReadAsStringAsync();
        var again = await officer.PostFormAsync(Page + "?handler=Create", Fields(name, submission: submission), Page);
        var html = await again.Content.ReadAsStringAsync();

        Assert.Contains("data-secret", first);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain("data-secret", html);
        Assert.Contains("id=\"api-token-already-issued\"", html);
        Assert.Contains("此表单的令牌已经发放", html);
        Assert.Equal(1, await CountAsync(name));
        // The form shown after it is a new one: issuing another token on purpose still works.
        Assert.NotEqual(submission, FormClient.SubmissionTokenOf(html));
        Assert.NotEqual(submission, FormClient.SubmissionTokenOf(first));
    }

    [Fact]
    public async Task Posts_of_the_same_form_at_once_issue_one_token()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "twice " + Guid.NewGuid().ToString("N")[..6];
        var page = await officer.GetStringAsync(Page);
        var submission = FormClient.SubmissionTokenOf(page)!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => officer.PostFormAsync(Page + "?handler=Create", Fields(name, submission: submission), Page)));
        var pages = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(pages, p => p.Contains("data-secret", StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task A_post_without_the_form_token_issues_nothing()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "nofield " + Guid.NewGuid().ToString("N")[..6];

        var html = await (await officer.PostFormAsync(Page + "?handler=Create", Fields(name, submission: ""), Page)).Content.ReadAsStringAsync();

        Assert.Contains("此表单已过期或被改动", html);
        Assert.DoesNotContain("data-secret", html);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task Revoke_asks_first()
    {
        var officer = await App.LoginAsync("city.officer");
        var name = "ask " + Guid.NewGuid().ToString("N")[..6];
        await officer.PostFormAsync(Page + "?handler=Create", Fields(name), Page);

        var html = await officer.GetStringAsync(Page);

        Assert.Matches($"data-confirm=\"确定吊销令牌“{System.Text.RegularExpressions.Regex.Escape(name)}”吗？[^\"]+\">吊销", html);
    }

    [Fact]
    public async Task A_city_officer_cannot_issue_a_token_owned_by_an_admin_but_an_admin_can()
    {
        var officer = await App.LoginAsync("city.officer");
        var admin = await App.LoginAsync("admin");
        var (refusedName, issuedName) = ("admin-owned " + Guid.NewGuid().ToString("N")[..6], "admin-owned " + Guid.NewGuid().ToString("N")[..6]);
        Dictionary<string, string> Owned(string name)
        {
            var fields = Fields(name, owner: "admin");
            fields["Input.RegionCode"] = ApiClient.City;
            return fields;
        }

        var refused = await (await officer.PostFormAsync(Page + "?handler=Create", Owned(refusedName), Page)).Content.ReadAsStringAsync();
        var issued = await (await admin.PostFormAsync(Page + "?handler=Create", Owned(issuedName), Page)).Content.ReadAsStringAsync();

        Assert.Equal("市级管理员不能为系统管理员账号发放令牌。", FieldMessage(refused, "Input.OwnerUserName"));
        Assert.DoesNotContain("data-secret", refused);
        Assert.Equal(0, await CountAsync(refusedName));
        Assert.Contains("data-secret", issued);
        Assert.Equal(1, await CountAsync(issuedName));
    }
}
