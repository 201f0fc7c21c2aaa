using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Audit;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.Benchmarks;

/// <summary>
/// Enrollment through the real EnrollmentService: 1,000 distinct people race for a 50-seat course from 8 workers
/// (no context shared), against the same 1,000 enrollments done one after another on a twin course; plus the
/// same run with one long-lived context, which shows what change tracking costs a long batch.
/// </summary>
public sealed class EnrollmentBenchmarks(BenchDb bench, Report report, GeneratedData data)
{
    private const int Capacity = 50, People = 1_000, Workers = 8;

    public async Task RunAsync()
    {
        Console.WriteLine($"\n== Enrollment: {People:N0} distinct people, course capacity {Capacity}");
        List<int> people;
        await using (var db = bench.Open())
            people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(People + 20).ToListAsync();

        // Warm-up: compiles the service's queries so no measured run pays for it.
        await EnrollAllAsync(await CreateCourseAsync("Warm-up"), people[People..], workers: 1);

        var sequential = await RunCourseAsync("Sequential", people[..People], workers: 1);
        var longLived = await RunCourseAsync("One context", people[..People], workers: 1, oneContext: true);
        var concurrent = await RunCourseAsync("Concurrent", people[..People], Workers);
        Print("sequential, 1 worker", sequential);
        Print("sequential, 1 long-lived context", longLived);
        Print($"concurrent, {Workers} workers", concurrent);

        report.Add("Enrollment", $"{People:N0} enrollments, {Workers} workers", $"{Rate(concurrent.Elapsed):N0} /s",
            $"sequential {Rate(sequential.Elapsed):N0} /s", Report.Factor(sequential.Elapsed.TotalMilliseconds, concurrent.Elapsed.TotalMilliseconds));
        report.Add("Enrollment", $"{People:N0} enrollments, 1 long-lived context", $"{Rate(longLived.Elapsed):N0} /s",
            $"sequential {Rate(sequential.Elapsed):N0} /s", Report.Factor(sequential.Elapsed.TotalMilliseconds, longLived.Elapsed.TotalMilliseconds));
        report.Add("Enrollment", $"Capacity {Capacity}, {Workers} workers", concurrent.Check);
        report.Add("Enrollment", $"Capacity {Capacity}, sequential", sequential.Check);
    }

    private static double Rate(TimeSpan elapsed) => People / elapsed.TotalSeconds;

    private static void Print(string name, (TimeSpan Elapsed, string Check) run) =>
        Console.WriteLine($"   {name,-34} {run.Elapsed.TotalSeconds,6:0.00} s, {Rate(run.Elapsed),5:N0} enrollments/s; {run.Check}");

    private async Task<(TimeSpan Elapsed, string Check)> RunCourseAsync(string title, IReadOnlyList<int> people, int workers, bool oneContext = false)
    {
        var course = await CreateCourseAsync(title);
        var (elapsed, failures) = await EnrollAllAsync(course, people, workers, oneContext);
        return (elapsed, await CheckAsync(course, failures));
    }

    private async Task<(TimeSpan Elapsed, int Failures)> EnrollAllAsync(int courseId, IReadOnlyList<int> personIds, int workers, bool oneContext = false)
    {
        var queue = new ConcurrentQueue<int>(personIds);
        var failures = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            // A context is never shared between workers. Normally a fresh one per enrollment, as each request gets
            // its own scope; with oneContext the worker keeps one for all its enrollments (as a roster import does).
            var shared = oneContext ? bench.Open() : null;
            while (queue.TryDequeue(out var personId))
            {
                var db = shared ?? bench.Open();
                var service = new EnrollmentService(db, new EnrollmentFacts(db), new Outbox(db, TimeProvider.System),
                    new AuditLog(db, new CurrentActor(new HttpContextAccessor()), TimeProvider.System), TimeProvider.System);
                try
                {
                    if (!(await service.EnrollAsync(courseId, personId, byUserId: null)).Enrolled) Interlocked.Increment(ref failures);
                }
                catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
                {
                    Interlocked.Increment(ref failures);
                    Console.WriteLine($"   enrollment failed: {ex.GetBaseException().Message}");
                }
                finally
                {
                    if (shared is null) await db.DisposeAsync();
                }
            }
            if (shared is not null) await shared.DisposeAsync();
        })));
        return (sw.Elapsed, failures);
    }

    private async Task<int> CreateCourseAsync(string title)
    {
        await using var db = bench.Open();
        var now = TimeProvider.System.GetUtcNow();
        var prefix = data.Counties[0][..6];
        var village = await db.Regions.Where(r => r.Code.StartsWith(prefix) && r.Level == Web.Domain.Regions.RegionLevel.Village)
            .Select(r => r.Code).FirstAsync();
        var course = new Course
        {
            Title = "Benchmark: " + title, Category = CourseCategory.ProfessionalSkill, Topic = CourseTopic.Ecommerce,
            Level = CourseLevel.Elementary, TraineeType = TraineeType.SkillService, Organiser = "Benchmark", TotalHours = 8,
            EligibleCounties = string.Join(",", data.Counties), CreatedAt = now, UpdatedAt = now,
        };
        course.MoveTo(village);
        course.SetCapacity(Capacity);
        course.SetWindow(now.AddDays(-1), now.AddDays(10));
        course.AddSession(now.AddDays(14), now.AddDays(14).AddHours(8), "Benchmark", null, null);
        course.MoveStatus(CourseStatus.Published, now);
        course.MoveStatus(CourseStatus.EnrollmentOpen, now);
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return course.Id;
    }

    /// <summary>Exactly 50 confirmed (rows and counter), everyone else waitlisted, nobody twice, no failures.</summary>
    private async Task<string> CheckAsync(int courseId, int failures)
    {
        await using var db = bench.Open();
        var rows = await db.Enrollments.Where(e => e.CourseId == courseId).GroupBy(e => e.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var counter = await db.Courses.Where(c => c.Id == courseId).Select(c => c.ConfirmedCount).SingleAsync();
        var distinct = await db.Enrollments.Where(e => e.CourseId == courseId).Select(e => e.PersonId).Distinct().CountAsync();
        var confirmed = rows.GetValueOrDefault(EnrollmentStatus.Confirmed);
        var waitlisted = rows.GetValueOrDefault(EnrollmentStatus.Waitlisted);
        var ok = confirmed == Capacity && counter == Capacity && waitlisted == People - Capacity && distinct == People && failures == 0;
        return $"{(ok ? "OK" : "VIOLATION")}: {confirmed} confirmed (counter {counter}), {waitlisted} waitlisted, {failures} failed";
    }
}
