using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.IntegrationTests.Pages.People;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Review 5 leftover on PostgreSQL, where uploads are rows every node shares: one confirm per preview.</summary>
public sealed class PostgresDoubleConfirmTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task APeopleImport_ConfirmedTwice_ImportsAndAuditsOnce_AndTheSecondSaysSo()
    {
        var prefix = "双" + Guid.NewGuid().ToString("N")[..4];
        var ids = Enumerable.Range(0, 2).Select(i => IdNumber.Create("330523", new DateOnly(1917, 5, 1).AddDays(i), 501 + i * 2, Sex.Male).Value).ToList();
        var csv = "姓名,身份证号,所在村（社区）,人才类别\r\n" + string.Concat(ids.Select((id, i) => $"{prefix}{i},{id},余村,高素质农民\r\n"));
        var client = await App.LoginAsync("anji.clerk");
        (await client.GetAsync("/People/Import?culture=en")).EnsureSuccessStatusCode();
        var file = DoubleConfirmTests.FileName("pg");
        var (_, html) = await client.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(csv), file);
        var token = ImportClient.TokenOf(html);
        Task<HttpResponseMessage> Confirm() => client.PostFormAsync("/People/Import?handler=Confirm", new() { ["Token"] = token }, formPage: "/People/Import");

        Assert.Equal(HttpStatusCode.Redirect, (await Confirm()).StatusCode);
        var second = await Confirm();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(DoubleConfirmTests.AlreadyConfirmed("en"), WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Import && a.Changes!.Contains(file))));
        Assert.Equal(2, await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name.StartsWith(prefix))));
    }

    [PostgresFact]
    public async Task AnUpload_IsClaimedOnce_GivenBackWhole_AndRemembersItsConfirm()
    {
        App.NewClient().Dispose();
        var store = App.Services.GetRequiredService<IUploadStore>();
        var token = store.Save([1, 2, 3], "claim.csv", "user-a", "people");

        Assert.False(store.TryClaim(token, "user-b", "people"));
        Assert.False(store.TryClaim(token, "user-a", "entities"));
        Assert.True(store.TryClaim(token, "user-a", "people"));
        Assert.False(store.TryClaim(token, "user-a", "people"));
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.True(store.IsConfirmed(token, "user-a", "people"));
        store.Release(token, "user-a", "people");
        Assert.False(store.IsConfirmed(token, "user-a", "people"));
        Assert.Equal([1, 2, 3], store.Load(token, "user-a", "people")!.Bytes);
        Assert.True(store.TryClaim(token, "user-a", "people"));
        store.MarkConfirmed(token, "user-a", "people");
        Assert.Null(store.Load(token, "user-a", "people"));
        Assert.True(store.IsConfirmed(token, "user-a", "people"));
        Assert.False(store.IsConfirmed(token, "user-b", "people"));
    }
}
