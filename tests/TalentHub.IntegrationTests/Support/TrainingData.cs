using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Builds courses and enrollable farmers straight in the database for tests of enrollment.</summary>
public static class TrainingData
{
    private static int _sequence;

    /// <summary>An open course in 安吉县 余村 with one session a week ahead and a window around now.</summary>
    public static Task<int> OpenCourseAsync(this TalentHubFactory app, int capacity, string title = "测试培训班", string village = "330523108204") =>
        app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var course = new Course { Title = $"{title}-{Interlocked.Increment(ref _sequence)}", Organiser = "安吉县农业农村局", TotalHours = 8, CreatedAt = now, UpdatedAt = now };
            course.MoveTo(village);
            course.SetCapacity(capacity);
            course.SetWindow(now.AddDays(-1), now.AddDays(5));
            course.AddSession(now.AddDays(7), now.AddDays(7).AddHours(8), "白茶种植技术", "王志明", "余村文化礼堂");
            course.MoveStatus(CourseStatus.Published, now);
            course.MoveStatus(CourseStatus.EnrollmentOpen, now);
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });

    /// <summary>
    /// Creates <paramref name="count"/> farmers (person + account) in 安吉县 who all share one password,
    /// hashed once. Returns their mobiles.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FarmersAsync(this TalentHubFactory app, int count, string password = "bamboo hills and white tea")
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<TalentHubDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var roleId = await db.Roles.Where(r => r.Name == Roles.Farmer).Select(r => r.Id).SingleAsync();
        var batch = Interlocked.Add(ref _sequence, count) - count;
        var hash = users.PasswordHasher.HashPassword(new AppUser(), password);
        var mobiles = new List<string>();
        var people = new List<Person>();
        for (var i = 0; i < count; i++)
        {
            var n = batch + i;
            var mobile = $"1370{n:D7}";
            // Born 1940–1953: no seeded person is that old, so the ID numbers never collide with seed data.
            var id = IdNumber.Create("330523", new DateOnly(1940, 1, 1).AddDays(n % 5000), n / 5000 % 1000, Sex.Male);
            var person = new Person { Name = $"学员{n}", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            person.SetIdNumber(id, protector.Hash(id.Value));
            person.SetMobile(mobile, protector.Hash(mobile));
            person.MoveTo("330523108204");
            people.Add(person);
            mobiles.Add(mobile);
        }
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        foreach (var (person, mobile) in people.Zip(mobiles))
        {
            var user = new AppUser
            {
                UserName = FarmerAccounts.UserNameFor(protector.Hash(mobile)), DisplayName = person.Name,
                RegionCode = person.RegionCode, PersonId = person.Id, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(),
            };
            user.NormalizedUserName = user.UserName!.ToUpperInvariant();
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
        return mobiles;
    }

    public static async Task<T> WithDbAsync<T>(this TalentHubFactory app, Func<TalentHubDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TalentHubDbContext>());
    }
}
