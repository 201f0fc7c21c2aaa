using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TalentHub.Web.Infrastructure;

namespace TalentHub.IntegrationTests.Pages.Training.My;

/// <summary>The app with the production login throttle (no test override), as in a village classroom.</summary>
public sealed class ClassroomFactory : TalentHubFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var production = new TalentHubOptions().LoginAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.UseSetting("TalentHub:LoginAttemptsPerMinute", production);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["TalentHub:LoginAttemptsPerMinute"] = production }));
    }
}

/// <summary>
/// 村里的教室: forty farmers on one Wi-Fi share one public address (the test server gives every request
/// the same address) and must all log in and check in within the same minute or two.
/// </summary>
public sealed class ClassroomCheckInTests(ClassroomFactory app) : IClassFixture<ClassroomFactory>
{
    [Fact]
    public async Task FortyFarmersFromOneAddress_AllLogInAndCheckIn()
    {
        var course = await app.InProgressCourseAsync();
        var farmers = await app.TraineesAsync(course.Id, 40);
        var trainer = await app.LoginAsync("trainer.wang");
        var code = CheckInTests.CodeOf(await CheckInTests.OpenCodeAsync(trainer, course.Id, course.SessionIds[0]));

        var results = await Task.WhenAll(farmers.Select(async f =>
        {
            var client = await app.LoginAsync(f);
            return (await client.PostFormAsync("/My/CheckIn", new() { ["Code"] = code })).StatusCode;
        }));

        Assert.All(results, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(40, await app.QueryAsync(db => db.Attendance.CountAsync(a => a.SessionId == course.SessionIds[0])));
    }
}
