using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Data;

/// <summary>CreatedAt, UpdatedAt and Version are stamped on save, never by hand.</summary>
public sealed class StampsInterceptorTests
{
    private static async Task<(TestDatabase Database, int CourseId)> SavedCourseAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext(new StampsInterceptor(database.Clock));
        var course = CourseBuilder.ADraft();
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return (database, course.Id);
    }

    [Fact]
    public async Task A_new_course_gets_created_and_updated_now_and_starts_at_version_1()
    {
        var (database, id) = await SavedCourseAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        var course = await db.Courses.SingleAsync(c => c.Id == id);

        Assert.Equal(database.Clock.GetUtcNow(), course.CreatedAt);
        Assert.Equal(database.Clock.GetUtcNow(), course.UpdatedAt);
        Assert.Equal(1, course.Version);
    }

    [Fact]
    public async Task A_change_moves_updated_at_and_the_version_on_and_keeps_created_at()
    {
        var (database, id) = await SavedCourseAsync();
        await using var _ = database;
        var created = database.Clock.GetUtcNow();
        database.Clock.Advance(TimeSpan.FromHours(3));
        await using (var db = database.NewContext(new StampsInterceptor(database.Clock)))
        {
            var course = await db.Courses.SingleAsync(c => c.Id == id);
            course.Title = "改过的标题";
            await db.SaveChangesAsync();
        }
        await using var check = database.NewContext();

        var saved = await check.Courses.SingleAsync(c => c.Id == id);

        Assert.Equal(created, saved.CreatedAt);
        Assert.Equal(created.AddHours(3), saved.UpdatedAt);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task An_edit_posted_with_an_old_version_is_refused_and_one_with_the_current_version_saves()
    {
        var (database, id) = await SavedCourseAsync();
        await using var _ = database;
        await using var db = database.NewContext(new StampsInterceptor(database.Clock));
        var course = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == id);

        course.Title = "过期的修改";
        db.ExpectVersion(course, 0);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        var fresh = await db.Courses.Include(c => c.Sessions).SingleAsync(c => c.Id == id);
        fresh.Sessions.RemoveAt(1); // only a child changes: the course still counts as edited
        db.ExpectVersion(fresh, 1);
        await db.SaveChangesAsync();
        await using var check = database.NewContext();
        Assert.Equal(2, (await check.Courses.SingleAsync(c => c.Id == id)).Version);
    }
}
