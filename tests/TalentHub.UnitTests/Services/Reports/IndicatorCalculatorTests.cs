using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Reports;

namespace TalentHub.UnitTests.Services.Reports;

/// <summary>Each indicator over year and Asia/Shanghai month boundaries, with the states that must not count.</summary>
public sealed class IndicatorCalculatorTests
{
    private const string Anji = "330523000000";
    private static readonly DateTimeOffset Now = new(2028, 6, 1, 0, 0, 0, TimeSpan.Zero);
    // 2027-01-31 23:30 Shanghai = 15:30 UTC (January); 2027-02-01 00:30 Shanghai = 2027-01-31 16:30 UTC (February).
    private static readonly DateTimeOffset LastOfJanuary = new(2027, 1, 31, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstOfFebruary = new(2027, 1, 31, 16, 30, 0, TimeSpan.Zero);
    // 2027-12-31 23:30 Shanghai (2027) and 2028-01-01 00:30 Shanghai (2028).
    private static readonly DateTimeOffset LastOf2027 = new(2027, 12, 31, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstOf2028 = new(2027, 12, 31, 16, 30, 0, TimeSpan.Zero);

    private static async Task<decimal?> ValueAsync(TestDatabase database, ReportPeriod period, Indicator indicator)
    {
        await using var db = database.NewContext();
        return (await new IndicatorCalculator(db).ComputeAsync(period, Now)).Get(Anji, indicator);
    }

    private static async Task<int> CompleteAsync(TalentHubDbContext db, int courseId, int personId, DateTimeOffset at)
    {
        var e = new Enrollment { CourseId = courseId, PersonId = personId, Status = EnrollmentStatus.Confirmed, EnrolledAt = at.AddDays(-20) };
        e.Complete(new(true, null, 1m), at);
        db.Enrollments.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    [Fact]
    public async Task PeopleTrained_CountsCompletedOnly_ByShanghaiMonthAndYear()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var course = await db.PublishedCourseAsync(LastOfJanuary.AddDays(-30), LastOfJanuary.AddDays(-20), LastOfJanuary.AddDays(-10), 20);
            var people = await db.PeopleAsync(7);
            await CompleteAsync(db, course.Id, people[0], LastOfJanuary);
            await CompleteAsync(db, course.Id, people[1], FirstOfFebruary);
            await CompleteAsync(db, course.Id, people[2], LastOf2027);
            await CompleteAsync(db, course.Id, people[3], FirstOf2028);
            db.Enrollments.AddRange(
                new Enrollment { CourseId = course.Id, PersonId = people[4], Status = EnrollmentStatus.Cancelled, EnrolledAt = LastOfJanuary },
                new Enrollment { CourseId = course.Id, PersonId = people[5], Status = EnrollmentStatus.Waitlisted, EnrolledAt = LastOfJanuary },
                new Enrollment { CourseId = course.Id, PersonId = people[6], Status = EnrollmentStatus.Confirmed, EnrolledAt = LastOfJanuary });
            var notCompleted = new Enrollment { CourseId = course.Id, PersonId = people[6], Status = EnrollmentStatus.Confirmed, EnrolledAt = LastOfJanuary };
            notCompleted.Complete(new(false, NotCompletedReason.Attendance, 0.5m), LastOfJanuary);
            db.Enrollments.Add(notCompleted);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 1), Indicator.PeopleTrained));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.PeopleTrained));
        Assert.Equal(3m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.PeopleTrained));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2028), Indicator.PeopleTrained));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.YearToDate(2027, FirstOfFebruary), Indicator.PeopleTrained));
    }

    [Fact]
    public async Task ReturningEntrepreneurs_AreDistinctPeopleWhoCompleted()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var course = await db.PublishedCourseAsync(LastOfJanuary.AddDays(-30), LastOfJanuary.AddDays(-20), LastOfJanuary.AddDays(-10), 20);
            var people = await db.PeopleAsync(3);
            var returning = await db.People.FindAsync(people[0]);
            returning!.SetCategories([TalentCategory.ReturningEntrepreneur], null, new Venture { Origin = EntrepreneurOrigin.MigrantWorker, Name = "白茶坊" });
            var cancelledReturning = await db.People.FindAsync(people[1]);
            cancelledReturning!.SetCategories([TalentCategory.ReturningEntrepreneur], null, new Venture { Origin = EntrepreneurOrigin.Veteran, Name = "竹林" });
            await db.SaveChangesAsync();
            await CompleteAsync(db, course.Id, people[0], LastOfJanuary);
            await CompleteAsync(db, course.Id, people[0], LastOfJanuary.AddDays(-2));
            await CompleteAsync(db, course.Id, people[2], LastOfJanuary);
            db.Enrollments.Add(new Enrollment { CourseId = course.Id, PersonId = people[1], Status = EnrollmentStatus.Cancelled, EnrolledAt = LastOfJanuary });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.ReturningEntrepreneursSupported));
        Assert.Equal(0m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.ReturningEntrepreneursSupported));
    }

    [Fact]
    public async Task Certificates_CountIssuedNotRevoked_ByShanghaiMonth()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var course = await db.PublishedCourseAsync(LastOfJanuary.AddDays(-30), LastOfJanuary.AddDays(-20), LastOfJanuary.AddDays(-10), 20);
            var people = await db.PeopleAsync(3);
            var enrollments = new List<int>();
            foreach (var p in people) enrollments.Add(await CompleteAsync(db, course.Id, p, LastOfJanuary.AddDays(-5)));
            Certificate Cert(int i, DateTimeOffset at) => new()
            {
                Number = $"TH-2027-330523-{i:00000}", Year = 2027, Serial = i, EnrollmentId = enrollments[i], CourseId = course.Id, PersonId = people[i],
                RegionCode = "330523108204", CountyCode = Anji, Hours = 4, CompletedAt = at, IssuedAt = at,
            };
            var revoked = Cert(2, LastOfJanuary);
            revoked.Revoke("录入错误", "test", FirstOfFebruary);
            db.Certificates.AddRange(Cert(0, LastOfJanuary), Cert(1, FirstOfFebruary), revoked);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 1), Indicator.CertificatesIssued));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.CertificatesIssued));
    }

    /// <summary>Completes one place with a certificate issued <paramref name="issued"/>, revoked and reissued <paramref name="reissued"/>.</summary>
    private static async Task<int> ReissuedAsync(TestDatabase database, DateTimeOffset completed, DateTimeOffset issued, DateTimeOffset reissued)
    {
        await using var db = database.NewContext();
        var course = await db.PublishedCourseAsync(completed.AddDays(-30), completed.AddDays(-20), completed.AddDays(-10), 20);
        var person = (await db.PeopleAsync(1))[0];
        var enrollment = await CompleteAsync(db, course.Id, person, completed);
        var first = new Certificate
        {
            Number = "TH-2027-330523-00001", Year = 2027, Serial = 1, EnrollmentId = enrollment, CourseId = course.Id, PersonId = person,
            RegionCode = "330523108204", CountyCode = Anji, Hours = 4, CompletedAt = completed, IssuedAt = issued,
        };
        db.Certificates.Add(first);
        await db.SaveChangesAsync();
        first.Revoke("姓名录错", "anji.officer", reissued.AddMinutes(-5));
        db.Certificates.Add(first.Reissue(EnrollmentStatus.Completed, 2, reissued));
        await db.SaveChangesAsync();
        return course.Id;
    }

    [Fact]
    public async Task Certificates_AReissueCountsOnce_InTheMonthOfTheFirstIssue()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ReissuedAsync(database, LastOfJanuary.AddDays(-5), LastOfJanuary.AddDays(-1), FirstOfFebruary);

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 1), Indicator.CertificatesIssued));
        Assert.Equal(0m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.CertificatesIssued) ?? 0m);
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.CertificatesIssued));
    }

    [Fact]
    public async Task Certificates_AReissueInALaterYear_IsNotANewCertificationOfThatYear()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ReissuedAsync(database, LastOf2027.AddDays(-5), LastOf2027.AddDays(-4), FirstOf2028);

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.CertificatesIssued));
        Assert.Equal(0m, await ValueAsync(database, ReportPeriod.Year(2028), Indicator.CertificatesIssued) ?? 0m);
    }

    [Fact]
    public async Task CertificationRate_AReissueInALaterYear_CountsOnceForTheYearOfCompletion_NeverAbove100()
    {
        await using var database = await TestDatabase.CreateAsync();
        await ReissuedAsync(database, LastOf2027.AddDays(-5), LastOf2027.AddDays(-4), FirstOf2028);
        await using (var db = database.NewContext())
        {
            // Someone else completes and is certified in 2028: one completion, one certification that year.
            var course = await db.PublishedCourseAsync(FirstOf2028.AddDays(10), FirstOf2028.AddDays(20), FirstOf2028.AddDays(30), 20);
            var person = (await db.PeopleAsync(1))[0];
            var enrollment = await CompleteAsync(db, course.Id, person, FirstOf2028.AddDays(40));
            db.Certificates.Add(new Certificate
            {
                Number = "TH-2028-330523-00001", Year = 2028, Serial = 1, EnrollmentId = enrollment, CourseId = course.Id, PersonId = person,
                RegionCode = "330523108204", CountyCode = Anji, Hours = 4, CompletedAt = FirstOf2028.AddDays(40), IssuedAt = FirstOf2028.AddDays(40),
            });
            await db.SaveChangesAsync();
        }

        async Task<OutcomeRow> RowAsync(int year)
        {
            await using var db = database.NewContext();
            return (await new OutcomeCalculator(db).ComputeAsync(new OutcomeFilter(year, null, null), [Anji])).Shown.Single();
        }
        var y2027 = await RowAsync(2027);
        Assert.Equal((1, 1, 100m), (y2027.Completed, y2027.Certificates, y2027.CertificationRate));
        var y2028 = await RowAsync(2028);
        Assert.Equal((1, 1, 100m), (y2028.Completed, y2028.Certificates, y2028.CertificationRate));
    }

    [Fact]
    public async Task Entities_NewFarmsAndCooperativesByFirstApproval_RatedByRatingYear()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var leader = (await db.PeopleAsync(1))[0];
            BusinessEntity Entity(string name, EntityType type, string code)
            {
                var e = new BusinessEntity { Name = name, Type = type, LegalRepresentativeId = leader };
                e.SetCreditCode(code, true);
                e.MoveTo("330523108204");
                return e;
            }
            var farm = Entity("余村白茶家庭农场", EntityType.FamilyFarm, "92330523MA2B000001");
            var coop = Entity("安吉竹业合作社", EntityType.Cooperative, "93330523MA2B000002");
            var lateFarm = Entity("天荒坪家庭农场", EntityType.FamilyFarm, "92330523MA2B000003");
            foreach (var (e, at) in new[] { (farm, LastOfJanuary), (coop, FirstOfFebruary), (lateFarm, FirstOf2028) })
            {
                e.MoveStatus(EntityStatus.Submitted, "u", "clerk", false, null, at.AddDays(-1));
                e.MoveStatus(EntityStatus.Approved, "o", "officer", true, null, at);
            }
            // Suspended and approved again in February: still listed in January only.
            farm.MoveStatus(EntityStatus.Suspended, "o", "officer", true, "整改", FirstOfFebruary);
            farm.MoveStatus(EntityStatus.Approved, "o", "officer", true, null, FirstOfFebruary.AddDays(1));
            coop.SetRating(DemonstrationLevel.City, 2027, DateOnly.MaxValue);
            lateFarm.SetRating(DemonstrationLevel.County, 2028, DateOnly.MaxValue);
            db.BusinessEntities.AddRange(farm, coop, lateFarm);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 1), Indicator.NewFamilyFarms));
        Assert.Equal(0m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.NewFamilyFarms));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.NewCooperatives));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.NewFamilyFarms));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2028), Indicator.NewFamilyFarms));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2027), Indicator.DemonstrationEntitiesRated));
        Assert.Equal(1m, await ValueAsync(database, ReportPeriod.Year(2028), Indicator.DemonstrationEntitiesRated));
    }

    [Fact]
    public async Task FollowUpRate_IsRecordedAmongDue_AndNullWhenNothingIsDue()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var course = await db.PublishedCourseAsync(LastOfJanuary.AddDays(-30), LastOfJanuary.AddDays(-20), LastOfJanuary.AddDays(-10), 20);
            var people = await db.PeopleAsync(4);
            var enrollments = new List<int>();
            foreach (var p in people) enrollments.Add(await CompleteAsync(db, course.Id, p, LastOfJanuary.AddDays(-5)));
            FollowUpTask Task(int i, DateTimeOffset due) => new()
            {
                EnrollmentId = enrollments[i], CourseId = course.Id, PersonId = people[i], RegionCode = "330523108204", CountyCode = Anji,
                Months = 3, DueAt = due, CreatedAt = due,
            };
            var done = Task(0, LastOfJanuary);
            done.Record(new FollowUpOutcome(false, false, null, false, null, true, null, false, null), "clerk", FirstOfFebruary);
            db.FollowUpTasks.AddRange(done, Task(1, LastOfJanuary), Task(2, LastOfJanuary.AddDays(-3)), Task(3, FirstOf2028));
            await db.SaveChangesAsync();
        }

        Assert.Equal(33.3m, await ValueAsync(database, ReportPeriod.Month(2027, 1), Indicator.FollowUpRate));
        Assert.Null(await ValueAsync(database, ReportPeriod.Month(2027, 2), Indicator.FollowUpRate));
        Assert.Equal(0m, await ValueAsync(database, ReportPeriod.Year(2028), Indicator.FollowUpRate));
    }
}
