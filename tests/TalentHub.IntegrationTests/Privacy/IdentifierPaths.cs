using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;
using TalentHub.Web.Services.Notifications;
using static TalentHub.IntegrationTests.Support.ImportClient;

namespace TalentHub.IntegrationTests.Privacy;

/// <summary>
/// Walks every path that touches an identifier, through the real pages where there is one: a login by
/// mobile, a search by full ID, a reveal, both exports, a person created with mobile and e-mail, an import
/// confirmed and another left pending in the uploads folder, a notification to that person, and (SQLite)
/// a backup. Returns every identifier the app now holds, to be looked for in clear.
/// </summary>
public static class IdentifierPaths
{
    private sealed record SeedPerson(string IdNumber, string? Mobile);

    static IdentifierPaths() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<List<string>> ExerciseAsync(TalentHubFactory app)
    {
        var seeded = JsonSerializer.Deserialize<List<SeedPerson>>(
            await File.ReadAllTextAsync(Path.Combine(SeedData.SeedDirectory, "people.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        var secrets = seeded.SelectMany(p => new[] { p.IdNumber, p.Mobile }).OfType<string>().ToList();

        var farmer = await app.LoginAsync("13800000001");
        Assert.Equal(HttpStatusCode.OK, (await farmer.GetAsync("/My/Enrollments")).StatusCode);
        var clerk = await app.LoginAsync("anji.clerk");
        var anjiPerson = seeded.First(p => p.IdNumber.StartsWith("330523", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/People?Q={anjiPerson.IdNumber}")).StatusCode);

        // A person created through the form with mobile and e-mail.
        var (idNumber, mobile, email) = (NewId(), NewMobile(), $"n{Guid.NewGuid():N}"[..12] + "@example.org");
        var name = NewName("静态扫描");
        secrets.AddRange([idNumber, mobile, email]);
        var created = await clerk.PostFormAsync("/People/Create", new()
        {
            ["Input.Name"] = name, ["Input.IdNumber"] = idNumber, ["Input.Mobile"] = mobile, ["Input.Email"] = email,
            ["Input.RegionCode"] = Yucun, ["Input.Categories"] = "HighQualityFarmer",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var personId = await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
        Assert.Equal(email, await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.Id == personId).Select(p => p.Email).SingleAsync()));

        // The reveal and both exports.
        var reveal = await clerk.PostFormAsync($"/People/{personId}?handler=Reveal", new(), formPage: $"/People/{personId}");
        Assert.Contains(idNumber, await reveal.Content.ReadAsStringAsync());
        foreach (var format in new[] { "csv", "xlsx" })
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/People/Export?format={format}")).StatusCode);

        // An import confirmed, and another validated and left pending: its upload stays in {data}/uploads.
        string Csv(params (string Name, string Id, string Mobile)[] rows) => string.Join("\r\n",
            ["姓名,身份证号,手机号,所在村（社区）,人才类别,乡土人才类型", .. rows.Select(r => $"{r.Name},{r.Id},{r.Mobile},余村,高素质农民,")]);
        var confirmed = (NewName("导入确认"), NewId(), NewMobile());
        var pending = (NewName("导入待定"), NewId(), NewMobile());
        secrets.AddRange([confirmed.Item2, confirmed.Item3, pending.Item2, pending.Item3]);
        var (_, validated) = await clerk.ValidateAsync("/People/Import", Encoding.GetEncoding("GB18030").GetBytes(Csv(confirmed)), "人才.csv");
        await clerk.ConfirmAsync("/People/Import", validated);
        Assert.Equal(1, await app.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync(p => p.Name == confirmed.Item1)));
        var (pendingResponse, pendingHtml) = await clerk.ValidateAsync("/People/Import", Encoding.UTF8.GetBytes(Csv(pending)), "pending.csv");
        Assert.Equal(HttpStatusCode.OK, pendingResponse.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", TokenOf(pendingHtml));
        if (app.Services.GetRequiredService<IConfiguration>().UsesPostgres())
        {
            // Several nodes: the pending upload waits in the database, encrypted with the shared key ring (issue 15).
            var content = await app.QueryAsync(db => db.PendingUploads.Where(u => u.Token == TokenOf(pendingHtml)).Select(u => u.Content).SingleAsync());
            Assert.DoesNotContain(pending.Item2, Encoding.UTF8.GetString(content));
            Assert.DoesNotContain(pending.Item2, Encoding.Latin1.GetString(content));
        }
        else
        {
            var uploads = Path.Combine(app.DataDirectory, "uploads");
            Assert.Contains(Directory.GetFiles(uploads), f => Path.GetFileName(f) == TokenOf(pendingHtml));
        }

        // A notification to the created person, dispatched through the configured sender (the notifications log).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var courseId = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<Outbox>().QueueAsync("scan:" + Guid.NewGuid().ToString("N"), personId, NotificationKind.EnrollmentConfirmed, courseId, null);
            await db.SaveChangesAsync();
            // Other messages may be queued before ours (seed data, the import): dispatch until nothing is left.
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            var sent = 0;
            for (var round = 0; round < 100 && await dispatcher.DispatchAsync() is var n && n > 0; round++) sent += n;
            Assert.True(sent >= 1);
        }
        Assert.Contains($"person:{personId}", await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, "notifications.log")));

        // A backup, where the app keeps its database in SQLite (PostgreSQL backups are the operator's pg_dump).
        var data = app.Services.GetRequiredService<DataDirectory>();
        if (!app.Services.GetRequiredService<IConfiguration>().UsesPostgres())
        {
            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<TalentHubDbContext>().Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
            var backup = SqliteBackup.Run(data.AppDatabase, data.Backups, 3, DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.True(File.Exists(backup));
        }
        return secrets;
    }
}
