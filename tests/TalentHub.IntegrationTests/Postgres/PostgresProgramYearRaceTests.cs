using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// fix37: a program's year is refused once it has courses, checked in the save's transaction. On PostgreSQL (READ COMMITTED) a
/// course inserted by another user but not yet committed is invisible to that check; the program's row is locked FOR UPDATE
/// first, which waits for the course's foreign-key lock on the row, so the check runs after the course commits and counts it.
/// </summary>
public sealed class PostgresProgramYearRaceTests(PostgresFactory app) : PostgresTest(app)
{
    private static Dictionary<string, string> Fields(string name, int year, int version) => new()
    {
        ["Input.Name"] = name,
        ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Budget"] = "100",
        ["Input.RepeatRuleApplies"] = "true",
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [PostgresFact]
    public async Task ACourseBeingAddedWhileTheYearChangeIsSaved_IsWaitedFor_AndRefusesTheChange()
    {
        var client = await App.LoginAsync("city.officer");
        var name = $"竞态项目PG-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Programs/Create", Fields(name, 2027, 0))).StatusCode);
        var program = await App.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Name == name));

        // Another user's course for the program, inserted but not committed yet.
        using var scope = App.Services.CreateScope();
        var other = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        await using var tx = await other.Database.BeginTransactionAsync();
        other.Courses.Add(CourseBuilder.NewOpenCourse(DateTimeOffset.UtcNow, programId: program.Id));
        await other.SaveChangesAsync();

        var post = client.PostFormAsync($"/Programs/{program.Id}/Edit", Fields(name, 2028, program.Version));
        // Wait until the post waits for a lock (or has answered already, which it must not: then the check missed the course).
        await using (var watch = new NpgsqlConnection(App.ConnectionString))
        {
            await watch.OpenAsync();
            while (!post.IsCompleted && !await AnyoneWaitsForALockAsync(watch)) await Task.Delay(50);
        }
        await tx.CommitAsync();
        var response = await post;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该项目已有培训班，不能修改年度", await response.Content.ReadAsStringAsync());
        Assert.Equal(2027, (await App.QueryAsync(db => db.Programs.AsNoTracking().SingleAsync(p => p.Id == program.Id))).Year);
    }

    private static async Task<bool> AnyoneWaitsForALockAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
