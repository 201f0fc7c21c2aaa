using Microsoft.Data.Sqlite;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Benchmarks.Data;

public sealed partial class Generator
{
    private static readonly string[] CourseColumns = ["Id", "Title", "Category", "Topic", "Level", "TraineeType", "Organiser", "TrainerUserName",
        "EligibleCounties", "Venue", "Capacity", "ConfirmedCount", "TotalHours", "EnrollmentOpensAt", "EnrollmentClosesAt", "MinAttendanceShare",
        "Assessed", "PassMark", "MinAge", "Status", "RegionCode", "CountyCode", "CreatedAt", "UpdatedAt", "Version"];
    private static readonly string[] SessionColumns = ["Id", "CourseId", "StartsAt", "EndsAt", "Topic", "TrainerName", "Place", "CheckInSecret"];
    private static readonly string[] EnrollmentColumns = ["Id", "CourseId", "PersonId", "Status", "EnrolledAt", "CompletedAt"];

    private sealed record History(int StoryPersonId);

    /// <summary>
    /// The courses of the last two years: 80 % completed (attendance for every session, a certificate for each
    /// completer, follow-ups at 3/6/12 months, most recorded), 5 % in progress, 10 % open, 5 % published.
    /// Each course enrolls <see cref="Scale.EnrollmentsPerCourse"/> people of its county: capacity 90 % of them.
    /// </summary>
    private History InsertHistory(SqliteConnection connection, Scale scale, IReadOnlyList<string> counties)
    {
        var courseId = NextId(connection, "Courses");
        var sessionId = NextId(connection, "CourseSessions");
        var enrollmentId = NextId(connection, "Enrollments");
        var serials = Query(connection, "SELECT CountyCode, Year, LastSerial FROM CertificateCounters", r => (r.GetString(0), r.GetInt32(1), r.GetInt32(2)))
            .ToDictionary(x => (x.Item1, x.Item2), x => x.Item3);
        var countyNames = Query(connection, "SELECT Code, Name FROM Regions WHERE Level = 'County'", r => (r.GetString(0), r.GetString(1))).ToDictionary();
        var story = new Dictionary<int, int>();
        using var tx = connection.BeginTransaction();
        using var courses = new BulkInsert(connection, tx, "Courses", CourseColumns);
        using var sessions = new BulkInsert(connection, tx, "CourseSessions", SessionColumns);
        using var enrollments = new BulkInsert(connection, tx, "Enrollments", EnrollmentColumns);
        using var attendance = new BulkInsert(connection, tx, "AttendanceRecords", "CourseId", "SessionId", "EnrollmentId", "PersonId", "Mark", "Source", "MarkedAt", "MarkedBy");
        using var certificates = new BulkInsert(connection, tx, "Certificates", "Number", "Year", "Serial", "EnrollmentId", "CourseId", "PersonId",
            "RegionCode", "CountyCode", "Hours", "CompletedAt", "IssuedAt");
        using var followUps = new BulkInsert(connection, tx, "FollowUpTasks", "EnrollmentId", "CourseId", "PersonId", "RegionCode", "CountyCode", "Months",
            "DueAt", "CreatedAt", "RecordedAt", "RecordedBy", "Unreachable", "StartedBusiness", "JoinedEntity", "AdoptedTechnique", "IncomeChangePercent", "Employed");
        for (var c = 0; c < scale.Courses; c++, courseId++)
        {
            var county = counties[c % counties.Count];
            var residents = _peopleByCounty.GetValueOrDefault(county) ?? [];
            var bucket = _rng.Next(100);
            var status = bucket < 80 ? CourseStatus.Completed : bucket < 85 ? CourseStatus.InProgress : bucket < 95 ? CourseStatus.EnrollmentOpen : CourseStatus.Published;
            var starts = status switch
            {
                CourseStatus.Completed => _now.AddDays(-_rng.Next(14, 720)),
                CourseStatus.InProgress => _now.AddDays(-1),
                _ => _now.AddDays(_rng.Next(20, 90)),
            };
            starts = new DateTimeOffset(starts.Year, starts.Month, starts.Day, 1, 0, 0, TimeSpan.Zero); // 09:00 Asia/Shanghai
            var topic = (CourseTopic)_rng.Next(7);
            var take = Math.Min(scale.EnrollmentsPerCourse, residents.Count);
            var capacity = Math.Max(1, scale.EnrollmentsPerCourse * 9 / 10);
            var open = status is CourseStatus.EnrollmentOpen or CourseStatus.Published;
            var enrolled = open ? take / 2 : take;
            var village = residents.Count > 0 ? _homes[residents[0]].Region : county;
            var confirmed = Math.Min(enrolled, capacity);
            courses.Add(courseId, $"{countyNames[county]}{Topics[(int)topic]}培训班（{c + 1}期）", ((CourseCategory)_rng.Next(3)).ToString(), topic.ToString(),
                ((CourseLevel)_rng.Next(3)).ToString(), ((TraineeType)_rng.Next(3)).ToString(), countyNames[county] + "农业农村局", "trainer.wang",
                null, "农民学校", capacity, open || status == CourseStatus.InProgress ? confirmed : 0, "9.0", starts.AddDays(-30).UtcTicks,
                starts.AddDays(-3).UtcTicks, "0.8", 0, "60.0", 16, status.ToString(), village, county, starts.AddDays(-40).UtcTicks, starts.UtcTicks, 1);
            var sessionIds = new[] { sessionId++, sessionId++ };
            for (var s = 0; s < 2; s++)
                sessions.Add(sessionIds[s], courseId, starts.AddDays(s).UtcTicks, starts.AddDays(s).AddHours(4.5).UtcTicks,
                    $"{Topics[(int)topic]}（第{s + 1}讲）", "王志明", "农民学校", null);
            var ends = starts.AddDays(1).AddHours(4.5);
            var step = residents.Count > 1 ? Coprime(residents.Count) : 1;
            var first = residents.Count > 0 ? _rng.Next(residents.Count) : 0;
            for (var k = 0; k < enrolled; k++, enrollmentId++)
            {
                var person = residents[(int)((first + (long)k * step) % residents.Count)];
                var enrolledAt = starts.AddDays(-30).AddMinutes(k * 7).UtcTicks;
                if (status != CourseStatus.Completed)
                {
                    enrollments.Add(enrollmentId, courseId, person, (k < capacity ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted).ToString(), enrolledAt, null);
                    continue;
                }
                var outcome = k >= capacity ? EnrollmentStatus.Cancelled : _rng.Next(10) == 0 ? EnrollmentStatus.NotCompleted : EnrollmentStatus.Completed;
                enrollments.Add(enrollmentId, courseId, person, outcome.ToString(), enrolledAt, outcome == EnrollmentStatus.Completed ? ends.UtcTicks : null);
                if (outcome == EnrollmentStatus.Cancelled) continue;
                story[person] = story.GetValueOrDefault(person) + 1;
                for (var s = 0; s < 2; s++)
                    attendance.Add(courseId, sessionIds[s], enrollmentId, person,
                        (outcome == EnrollmentStatus.NotCompleted && s == 1 ? AttendanceMark.Absent : AttendanceMark.Present).ToString(),
                        nameof(AttendanceSource.RollCall), starts.AddDays(s).UtcTicks, "trainer.wang");
                if (outcome != EnrollmentStatus.Completed) continue;
                var year = ends.ToOffset(TimeSpan.FromHours(8)).Year;
                var serial = serials[(county, year)] = serials.GetValueOrDefault((county, year)) + 1;
                var (region, _) = _homes[person];
                certificates.Add($"TH-{year}-{county[..6]}-{serial:D5}", year, serial, enrollmentId, courseId, person, region, county, "9.0",
                    ends.UtcTicks, ends.AddDays(1).UtcTicks);
                foreach (var months in new[] { 3, 6, 12 })
                {
                    var due = ends.AddMonths(months);
                    if (due > _now.AddDays(30)) continue;
                    var recorded = due < _now && _rng.Next(10) < 8;
                    followUps.Add(enrollmentId, courseId, person, region, county, months, due.UtcTicks, ends.UtcTicks,
                        recorded ? due.AddDays(_rng.Next(20)).UtcTicks : null, recorded ? "anji.officer" : null, 0,
                        recorded && _rng.Next(5) == 0 ? 1 : 0, 0, recorded && _rng.Next(2) == 0 ? 1 : 0, recorded ? $"{_rng.Next(-5, 30)}.0" : null,
                        recorded && _rng.Next(3) > 0 ? 1 : 0);
                }
            }
        }
        using (var counters = new BulkInsert(connection, tx, "CertificateCounters", "CountyCode", "Year", "LastSerial"))
        {
            Exec(connection, "DELETE FROM CertificateCounters");
            foreach (var ((county, year), last) in serials) counters.Add(county, year, last);
        }
        tx.Commit();
        _rows["Courses"] = courses.Count;
        _rows["CourseSessions"] = sessions.Count;
        _rows["Enrollments"] = enrollments.Count;
        _rows["AttendanceRecords"] = attendance.Count;
        _rows["Certificates"] = certificates.Count;
        _rows["FollowUpTasks"] = followUps.Count;
        return new History(story.Count == 0 ? 1 : story.MaxBy(s => s.Value).Key);
    }

    private static readonly string[] Topics = ["白茶种植", "湖羊养殖", "农机操作", "农村电商", "乡村旅游", "经营管理", "创业"];

    /// <summary>A step that visits every resident once (coprime with the count), so no one is enrolled twice in a course.</summary>
    private static int Coprime(int n)
    {
        for (var step = 7919 % n; ; step++)
            if (step > 0 && Gcd(step, n) == 1) return step;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static int NextId(SqliteConnection connection, string table) =>
        (int)(long)Scalar(connection, $"SELECT COALESCE(MAX(Id), 0) FROM \"{table}\"") + 1;

    /// <summary>
    /// 300 open, unsubsidised courses of 20 seats for the <c>enroll</c> metric: every county may enroll, so every
    /// farmer is eligible; their window is moved to "now" by the harness before it runs (AppUnderTest.ReopenWindowsAsync).
    /// </summary>
    private List<int> InsertOpenCourses(SqliteConnection connection, IReadOnlyList<string> counties)
    {
        var county = counties[0];
        var eligible = string.Join(",", counties);
        var courseId = NextId(connection, "Courses");
        var sessionId = NextId(connection, "CourseSessions");
        var village = _peopleByCounty.TryGetValue(county, out var residents) && residents.Count > 0 ? _homes[residents[0]].Region : county;
        var ids = new List<int>();
        var starts = _now.AddDays(40);
        using var tx = connection.BeginTransaction();
        using var courses = new BulkInsert(connection, tx, "Courses", CourseColumns);
        using var sessions = new BulkInsert(connection, tx, "CourseSessions", SessionColumns);
        for (var c = 0; c < 300; c++, courseId++)
        {
            courses.Add(courseId, $"基准报名课程 {c + 1}", nameof(CourseCategory.ProfessionalSkill), nameof(CourseTopic.Ecommerce), nameof(CourseLevel.Elementary),
                nameof(TraineeType.SkillService), "基准", null, eligible, "农民学校", 20, 0, "4.5", _now.AddDays(-1).UtcTicks, _now.AddDays(30).UtcTicks,
                "0.8", 0, "60.0", 16, nameof(CourseStatus.EnrollmentOpen), village, county, _now.UtcTicks, _now.UtcTicks, 1);
            sessions.Add(sessionId++, courseId, starts.UtcTicks, starts.AddHours(4.5).UtcTicks, "农村电商", "王志明", "农民学校", null);
            ids.Add(courseId);
        }
        tx.Commit();
        _rows["Courses"] += courses.Count;
        _rows["CourseSessions"] += sessions.Count;
        return ids;
    }

    /// <summary>One classroom of 40 confirmed farmers with a session open for check-in (times reset by the harness).</summary>
    private (int Course, int Session, string Secret) InsertClassroom(SqliteConnection connection, string county, IReadOnlyList<Farmer> farmers)
    {
        var courseId = NextId(connection, "Courses");
        var sessionId = NextId(connection, "CourseSessions");
        var enrollmentId = NextId(connection, "Enrollments");
        var secret = CheckInCode.NewSecret();
        using var tx = connection.BeginTransaction();
        using (var courses = new BulkInsert(connection, tx, "Courses", CourseColumns))
            courses.Add(courseId, "基准签到课堂", nameof(CourseCategory.ProfessionalSkill), nameof(CourseTopic.Planting), nameof(CourseLevel.Elementary),
                nameof(TraineeType.SkillService), "基准", "trainer.wang", null, "农民学校", farmers.Count, farmers.Count, "4.5",
                _now.AddDays(-20).UtcTicks, _now.AddDays(-2).UtcTicks, "0.8", 0, "60.0", 16, nameof(CourseStatus.InProgress),
                _homes[farmers[0].PersonId].Region, RegionCodesOf(farmers[0].PersonId), _now.UtcTicks, _now.UtcTicks, 1);
        using (var sessions = new BulkInsert(connection, tx, "CourseSessions", SessionColumns))
            sessions.Add(sessionId, courseId, _now.AddMinutes(10).UtcTicks, _now.AddHours(3).UtcTicks, "签到", "王志明", "农民学校", secret);
        using (var enrollments = new BulkInsert(connection, tx, "Enrollments", EnrollmentColumns))
            foreach (var farmer in farmers)
                enrollments.Add(enrollmentId++, courseId, farmer.PersonId, nameof(EnrollmentStatus.Confirmed), _now.AddDays(-5).UtcTicks, null);
        tx.Commit();
        _rows["Courses"] += 1;
        _rows["Enrollments"] += farmers.Count;
        return (courseId, sessionId, secret);
    }

    private string RegionCodesOf(int personId) => _homes[personId].County;

    /// <summary>Month-end snapshots of last year for every county and indicator (as the nightly job writes them).</summary>
    private void InsertSnapshots(SqliteConnection connection, IReadOnlyList<string> counties)
    {
        var year = _now.Year - 1;
        using var tx = connection.BeginTransaction();
        using var snapshots = new BulkInsert(connection, tx, "IndicatorSnapshots", "Day", "CountyCode", "Indicator", "Value", "WrittenAt");
        Exec(connection, $"DELETE FROM IndicatorSnapshots WHERE Day LIKE '{year}-%'");
        for (var month = 1; month <= 12; month++)
        {
            var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            foreach (var county in counties)
                foreach (var indicator in Enum.GetValues<Indicator>())
                    snapshots.Add(day.ToString("yyyy-MM-dd"), county, indicator.ToString(), $"{_rng.Next(0, 100 * month)}.0",
                        day.ToDateTime(new TimeOnly(18, 0)).Ticks);
        }
        tx.Commit();
        _rows["IndicatorSnapshots"] = snapshots.Count;
    }
}
