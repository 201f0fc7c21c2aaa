using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Benchmarks.Data;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;

namespace TalentHub.IntegrationTests.Benchmarks;

/// <summary>
/// Keeps the benchmark generator compiling and correct: at the tiny scale, on the app's own database, it writes the
/// rows it reports, no course holds more confirmed people than seats, the app decrypts what it wrote, and a generated
/// farmer logs in through the real form. No timing is asserted.
/// </summary>
public sealed class GeneratorSmokeTests : IDisposable
{
    private readonly TalentHubFactory _app = new();

    [Fact]
    public async Task Tiny_scale_writes_consistent_rows_the_app_can_read()
    {
        using var client = _app.NewClient(); // builds the app: migrated, with the demo seed (a copy of the SeedTemplate)
        var services = _app.Services;
        int peopleBefore, enrollmentsBefore;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            peopleBefore = await db.People.IgnoreQueryFilters().CountAsync();
            enrollmentsBefore = await db.Enrollments.IgnoreQueryFilters().CountAsync();
        }

        var generator = new Generator(DataServiceCollectionExtensions.SqliteConnectionString(Path.Combine(_app.DataDirectory, "talenthub.db")),
            services.GetRequiredService<PersonalDataProtector>(), TimeProvider.System);
        var data = await generator.RunAsync(Scale.Tiny);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            Assert.Equal(Scale.Tiny.People, data.Rows["People"]);
            Assert.Equal(peopleBefore + Scale.Tiny.People, await db.People.IgnoreQueryFilters().CountAsync());
            Assert.Equal(enrollmentsBefore + data.Rows["Enrollments"], await db.Enrollments.IgnoreQueryFilters().CountAsync());
            Assert.True(data.Rows["Certificates"] > 0 && data.Rows["AttendanceRecords"] > 0 && data.Rows["FollowUpTasks"] > 0);
            Assert.Equal(40, data.ClassroomFarmers.Count);
            Assert.Equal(300, data.OpenCourseIds.Count);

            var overbooked = await db.Courses.IgnoreQueryFilters()
                .Where(c => c.ConfirmedCount > c.Capacity
                    || db.Enrollments.IgnoreQueryFilters().Count(e => e.CourseId == c.Id && e.Status == EnrollmentStatus.Confirmed) > c.Capacity)
                .CountAsync();
            Assert.Equal(0, overbooked);

            var person = await db.People.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == data.ClassroomFarmers[0].PersonId);
            Assert.True(IdNumber.TryParse(person.IdNumber, TimeProvider.System, out _, out _), "the app decrypts a valid ID number");
            Assert.Equal(data.ClassroomFarmers[0].Mobile, person.Mobile);
        }

        using var farmer = await _app.LoginAsync(data.EnrollFarmers[0].Mobile);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await farmer.GetAsync("/My/Enrollments")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
