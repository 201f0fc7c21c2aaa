using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Domain.Training;

/// <summary>A training course (培训班) owned by a county; sessions, window, capacity and completion rule.</summary>
public sealed class Course : IRegionOwned, IAudited, IStamped, IVersioned
{
    public int Id { get; private set; }
    public string Title { get; set; } = "";
    public int? ProgramId { get; set; }
    public CourseCategory Category { get; set; }
    public CourseTopic Topic { get; set; }
    public CourseLevel Level { get; set; }
    public TraineeType TraineeType { get; set; }
    public string Organiser { get; set; } = "";
    /// <summary>The organiser's contact person (联系人), shown plainly on the catalog page: an official contact.</summary>
    public string? ContactName { get; private set; }
    /// <summary>The organiser's contact telephone (联系电话): a mobile or a landline with area code.</summary>
    public string? ContactPhone { get; private set; }
    /// <summary>User name of the trainer who runs the roster and attendance.</summary>
    public string? TrainerUserName { get; set; }
    /// <summary>Target talent categories, comma-separated enum names; empty means anyone.</summary>
    public string? TargetCategories { get; set; }
    /// <summary>County codes whose residents may enroll, comma-separated; empty means the course's own county.</summary>
    public string? EligibleCounties { get; set; }
    public string? Venue { get; set; }
    public string? OnlineLink { get; set; }
    public int Capacity { get; private set; }
    /// <summary>Confirmed seats; changed only by the atomic seat claim/release in the enrollment service.</summary>
    public int ConfirmedCount { get; private set; }
    public decimal TotalHours { get; set; }
    public DateTimeOffset EnrollmentOpensAt { get; set; }
    public DateTimeOffset EnrollmentClosesAt { get; set; }
    public decimal MinAttendanceShare { get; set; } = 0.8m;
    public bool Assessed { get; set; }
    public decimal PassMark { get; set; } = 60;
    public int MinAge { get; set; } = 16;
    public int? MaxAge { get; set; }
    public EducationLevel? MinEducation { get; set; }
    public CourseStatus Status { get; private set; } = CourseStatus.Draft;
    public string RegionCode { get; private set; } = "";
    public string CountyCode { get; private set; } = "";
    public List<CourseSession> Sessions { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Starts at 1 for a new course; moved on by the stamps interceptor.</summary>
    public int Version { get; set; } = 1;

    public int SeatsLeft => Math.Max(0, Capacity - ConfirmedCount);

    /// <summary>The hours the sessions add up to (each rounded to 0.1 h, breaks included).</summary>
    public decimal SessionHours => Sessions.Sum(s => s.Hours);

    /// <summary>
    /// The declared 学时 (<see cref="TotalHours"/>) are what the catalogue and certificates print, so a course past draft must
    /// hold sessions adding up to at least them (sessions include breaks, so more is fine; review16 found 1000 学时 declared
    /// over 8.5 h). A draft may hold anything. Throws <see cref="DomainException"/> <c>Course.HoursNotCovered</c> on
    /// <c>TotalHours</c> with the declared and the sessions' hours.
    /// </summary>
    public void EnsureHoursCovered()
    {
        if (Status != CourseStatus.Draft) CheckHoursCovered();
    }

    /// <summary>
    /// Whether the sessions add up to at least the declared 学时 (<see cref="EnsureHoursCovered"/>). The certificate states the
    /// declared hours — the hours the trainee was offered — while completion counts the attended share of the sessions' hours,
    /// so declared hours beyond the sessions would certify hours nobody was offered. A draft that is not covered is warned
    /// of next to 学时 (form and details page) and cannot be published.
    /// </summary>
    public bool HoursCovered => TotalHours <= SessionHours;

    /// <summary>
    /// Whether a draft is warned next to 学时 that its sessions do not cover its declared hours (form and details page): only
    /// once it has a session. A new course with no sessions yet is not warned that they add up to 0 (polish32); publishing
    /// still refuses it (<c>Course.NeedsSessions</c>, then <see cref="EnsureHoursCovered"/>).
    /// </summary>
    public bool WarnsOfHours => Sessions.Count > 0 && !HoursCovered;

    private void CheckHoursCovered()
    {
        if (!HoursCovered)
            throw new DomainException("Course.HoursNotCovered", nameof(TotalHours),
                TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
                SessionHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Places the course at a 12-digit region code and derives the county that owns it. Throws
    /// <see cref="DomainException"/> <c>Course.RegionMustBeInCounty</c> for the city's own code.
    /// </summary>
    public void MoveTo(string regionCode)
    {
        RegionCode = regionCode;
        CountyCode = Regions.RegionCodes.CountyOf(regionCode)
            ?? throw new DomainException("Course.RegionMustBeInCounty", nameof(RegionCode));
    }

    /// <summary>The most seats a course may offer (a county's largest training hall several times over; review12 found no cap).</summary>
    public const int MaxCapacity = 10_000;

    /// <summary>
    /// Sets the seats: 1 to <see cref="MaxCapacity"/>, and not below the confirmed enrollments. Throws
    /// <see cref="DomainException"/> (Course.CapacityTooSmall, Course.CapacityTooLarge, Course.CapacityBelowConfirmed).
    /// </summary>
    public void SetCapacity(int capacity)
    {
        if (capacity < 1) throw new DomainException("Course.CapacityTooSmall", nameof(Capacity));
        if (capacity > MaxCapacity) throw new DomainException("Course.CapacityTooLarge", nameof(Capacity), MaxCapacity);
        if (capacity < ConfirmedCount) throw new DomainException("Course.CapacityBelowConfirmed", nameof(Capacity), ConfirmedCount);
        Capacity = capacity;
    }

    /// <summary>
    /// The enrollment window (instants; entered as Asia/Shanghai times): open from <paramref name="opens"/> until just
    /// before <paramref name="closes"/>. Throws <see cref="DomainException"/> <c>Course.WindowOrder</c> unless closes is later.
    /// </summary>
    public void SetWindow(DateTimeOffset opens, DateTimeOffset closes)
    {
        if (closes <= opens) throw new DomainException("Course.WindowOrder", nameof(EnrollmentClosesAt));
        EnrollmentOpensAt = opens;
        EnrollmentClosesAt = closes;
    }

    /// <summary>
    /// Adds a session (instants; the form enters Asia/Shanghai times). Throws <see cref="DomainException"/>
    /// <c>Course.SessionOrder</c> or <c>Course.SessionOverlap</c> (see <see cref="CheckSessionTimes"/>), and
    /// <c>Course.SessionInPast</c> when the course is published or later and the session starts before <paramref name="now"/>
    /// (see <see cref="CheckSessionStart"/>).
    /// </summary>
    public CourseSession AddSession(DateTimeOffset startsAt, DateTimeOffset endsAt, string topic, string? trainer, string? place,
        DateTimeOffset now)
    {
        CheckSessionStart(startsAt, null, now);
        CheckSessionTimes(startsAt, endsAt, Sessions.Select(s => (s.StartsAt, s.EndsAt)));
        var session = new CourseSession { StartsAt = startsAt, EndsAt = endsAt, Topic = topic, TrainerName = trainer, Place = place };
        Sessions.Add(session);
        return session;
    }

    /// <summary>
    /// What the enrolled need to know to turn up: venue, online link and each session's times and place.
    /// Two equal values mean an edit changed nothing that matters to them (capacity, texts, age limits do not).
    /// </summary>
    public string Arrangements() => string.Join("\n",
        new[] { Venue?.Trim() ?? "", OnlineLink?.Trim() ?? "" }.Concat(Sessions.OrderBy(s => s.StartsAt)
            .Select(s => $"{s.StartsAt.UtcTicks}|{s.EndsAt.UtcTicks}|{s.Place?.Trim()}")));

    /// <summary>
    /// Once the course is published (or later) its trainees plan around it, so a session added or moved
    /// (<paramref name="startsAt"/> differs from <paramref name="previousStart"/>, null for a new one) must not start
    /// before <paramref name="now"/>; sessions already held stay as they are (review14). A draft may hold any dates.
    /// Throws <see cref="DomainException"/> <c>Course.SessionInPast</c>.
    /// </summary>
    public void CheckSessionStart(DateTimeOffset startsAt, DateTimeOffset? previousStart, DateTimeOffset now)
    {
        if (Status == CourseStatus.Draft || startsAt == previousStart) return;
        if (startsAt < now) throw new DomainException("Course.SessionInPast", "Sessions");
    }

    /// <summary>
    /// A session under way on a course past draft (its check-in code open: <see cref="CheckInCode.OpensBefore"/> before its start
    /// until its end), or one that holds attendance marks (<paramref name="hasMarks"/>), is the record the trainees' hours are
    /// counted from: it may not be deleted (<paramref name="newStart"/> null) or moved to another start; its end, topic, trainer
    /// and place may still be corrected (rev35a: deleting a session with marks failed the save with a server error, a running one
    /// without marks yet vanished under the trainees checking in). A session that ended without a single mark (called off on
    /// the day: a typhoon, a sick trainer) may be deleted or moved, so its hours do not fail every trainee's attendance minimum.
    /// Throws <see cref="DomainException"/> <c>Course.SessionHeld</c>.
    /// </summary>
    public void CheckHeldSession(CourseSession session, DateTimeOffset? newStart, bool hasMarks, DateTimeOffset now)
    {
        if (newStart != session.StartsAt && IsHeld(session, hasMarks, now)) throw new DomainException("Course.SessionHeld", "Sessions");
    }

    /// <summary>Whether <paramref name="session"/> is held for <see cref="CheckHeldSession"/>: marked, or under way on a course past draft.</summary>
    public bool IsHeld(CourseSession session, bool hasMarks, DateTimeOffset now) =>
        hasMarks || (Status != CourseStatus.Draft && CheckInCode.IsOpen(session.StartsAt, session.EndsAt, now));

    /// <summary>
    /// No session starts before the enrollment window opens: one that did was held while the course was only Published, when
    /// nobody could hold a place yet and its attendance could not be taken, so its hours counted for nobody and the minimum
    /// attendance share could fail every trainee (rev35a). Checked when a course is published and when a published course is edited
    /// before its enrollment closes (a draft may hold anything; a running course's held sessions are history). Throws <see cref="DomainException"/> <c>Course.SessionBeforeWindow</c>.
    /// </summary>
    public void CheckSessionsAfterOpening()
    {
        if (Sessions.Count > 0 && Sessions.Min(s => s.StartsAt) < EnrollmentOpensAt)
            throw new DomainException("Course.SessionBeforeWindow", nameof(EnrollmentOpensAt));
    }

    /// <summary>A session ends after it starts and overlaps none of <paramref name="others"/> (PRODUCT.md, courses).</summary>
    public static void CheckSessionTimes(DateTimeOffset startsAt, DateTimeOffset endsAt,
        IEnumerable<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> others)
    {
        if (endsAt <= startsAt) throw new DomainException("Course.SessionOrder", "Sessions");
        if (others.Any(s => s.StartsAt < endsAt && startsAt < s.EndsAt))
            throw new DomainException("Course.SessionOverlap", "Sessions");
    }

    /// <summary>A course is held somewhere: a venue, an online link, or both (blank text counts as none).</summary>
    public void SetPlace(string? venue, string? onlineLink)
    {
        venue = string.IsNullOrWhiteSpace(venue) ? null : venue.Trim();
        onlineLink = string.IsNullOrWhiteSpace(onlineLink) ? null : onlineLink.Trim();
        if (venue is null && onlineLink is null) throw new DomainException("Course.VenueOrLink", nameof(Venue));
        Venue = venue;
        OnlineLink = onlineLink;
    }

    /// <summary>
    /// The organiser contact shown to farmers (issue 10 item 1): both blank, or a name (at most 50 characters) with a
    /// telephone — an 11-digit mobile (1[3-9]…) or a landline with its area code (0572-5123456, optional extension).
    /// </summary>
    public void SetContact(string? name, string? phone)
    {
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (name is null && phone is null)
        {
            ContactName = ContactPhone = null;
            return;
        }
        if (name is null) throw new DomainException("Course.ContactNameRequired", nameof(ContactName));
        if (name.Length > 50) throw new DomainException("Course.ContactNameTooLong", nameof(ContactName));
        if (phone is null) throw new DomainException("Course.ContactPhoneRequired", nameof(ContactPhone));
        if (!IsPhone(phone)) throw new DomainException("Course.ContactPhoneInvalid", nameof(ContactPhone));
        (ContactName, ContactPhone) = (name, phone);
    }

    /// <summary>A mainland mobile (11 ASCII digits from 13…19; other scripts' digits are refused) or a landline: 0 + 2–3 digit area code, 7–8 digits, optional extension.</summary>
    public static bool IsPhone(string phone) =>
        System.Text.RegularExpressions.Regex.IsMatch(phone, @"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)\z");

    /// <summary>Trainees' age range in whole years; no upper bound when <paramref name="max"/> is null.</summary>
    public void SetAgeRange(int min, int? max)
    {
        if (max < min) throw new DomainException("Course.AgeRange", nameof(MaxAge));
        MinAge = min;
        MaxAge = max;
    }

    /// <summary>An assessed course needs a pass mark (points out of 100); an unassessed one keeps the default 60.</summary>
    public void SetAssessment(bool assessed, decimal? passMark)
    {
        if (assessed && passMark is null) throw new DomainException("Course.PassMarkRequired", nameof(PassMark));
        Assessed = assessed;
        PassMark = passMark ?? 60;
    }

    /// <summary>A course that has finished or was cancelled is a record, no longer a plan: it cannot be edited.</summary>
    public static bool IsEditableIn(CourseStatus status) =>
        status is not (CourseStatus.Completed or CourseStatus.Archived or CourseStatus.Cancelled);

    /// <inheritdoc cref="IsEditableIn"/>
    public bool IsEditable => IsEditableIn(Status);

    /// <summary>Throws <c>Course.NotEditable</c> (no field) when the course can no longer be edited.</summary>
    public void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException("Course.NotEditable");
    }

    /// <summary>The target talent categories, parsed from the stored comma-separated names; empty means any category.</summary>
    public IReadOnlyList<TalentCategory> Targets() =>
        (TargetCategories ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TalentCategory>).ToList();

    /// <summary>The eligible counties' 12-digit codes, parsed from the stored comma-separated list; the course's own county when none are set.</summary>
    public IReadOnlyList<string> Counties() =>
        string.IsNullOrWhiteSpace(EligibleCounties) ? [CountyCode] : EligibleCounties.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Publishes a draft for the catalog at <paramref name="now"/>: a published course must still be ahead, so the
    /// enrollment window must close after now and the first session start after now (review14: a course held wholly in
    /// the past went straight to 已结业 with no trainees), and no session may start before the window opens
    /// (<see cref="CheckSessionsAfterOpening"/>). Throws <see cref="DomainException"/> <c>Course.PublishWindowPast</c>,
    /// <c>Course.PublishSessionPast</c>, <c>Course.SessionBeforeWindow</c>, or what <see cref="MoveStatus"/> throws.
    /// </summary>
    public void Publish(DateTimeOffset now)
    {
        if (Sessions.Count > 0 && CourseLifecycle.CanMove(Status, CourseStatus.Published))
        {
            if (EnrollmentClosesAt <= now) throw new DomainException("Course.PublishWindowPast", nameof(EnrollmentClosesAt));
            if (Sessions.Min(s => s.StartsAt) <= now) throw new DomainException("Course.PublishSessionPast", nameof(Sessions));
            CheckSessionsAfterOpening();
        }
        MoveStatus(CourseStatus.Published, now);
    }

    /// <summary>
    /// A move staff make by hand at <paramref name="now"/>: publishing goes through <see cref="Publish"/>; the two moves
    /// the clock makes on its own may not run ahead of it (review29: 结业 pressed during the second of four sessions
    /// ended the course and the completion sweep failed every trainee). Throws <see cref="DomainException"/>
    /// <c>Course.StartBeforeFirstSession</c> for InProgress before the first session starts,
    /// <c>Course.CompleteBeforeLastSession</c> for Completed before the last session ends (PRODUCT.md §5: "after the
    /// last session the course completes"), or what <see cref="MoveStatus"/> throws.
    /// </summary>
    public void MoveByStaff(CourseStatus to, DateTimeOffset now)
    {
        if (to == CourseStatus.Published)
        {
            Publish(now);
            return;
        }
        if (!RunsAheadOfClock(to, now)) MoveStatus(to, now);
        else throw new DomainException(to == CourseStatus.Completed ? "Course.CompleteBeforeLastSession" : "Course.StartBeforeFirstSession", nameof(Status));
    }

    /// <summary>True when <paramref name="to"/> is InProgress before the first session starts or Completed before the last one ends.</summary>
    public bool RunsAheadOfClock(CourseStatus to, DateTimeOffset now) => Sessions.Count > 0 && to switch
    {
        CourseStatus.InProgress => now < Sessions.Min(s => s.StartsAt),
        CourseStatus.Completed => now < Sessions.Max(s => s.EndsAt),
        _ => false,
    };

    /// <summary>
    /// Moves the status along the lifecycle. Publishing needs sessions adding up to the declared hours
    /// (<see cref="EnsureHoursCovered"/>, <c>Course.HoursNotCovered</c>); opening needs the window. This is the bare
    /// transition (the seed and the lifecycle job replay history with it); a user publishing goes through <see cref="Publish"/>.
    /// </summary>
    public void MoveStatus(CourseStatus to, DateTimeOffset now)
    {
        if (!CourseLifecycle.CanMove(Status, to))
            throw new DomainException("Course.TransitionNotAllowed", nameof(Status));
        if (to == CourseStatus.Published && Sessions.Count == 0)
            throw new DomainException("Course.NeedsSessions", nameof(Sessions));
        if (to == CourseStatus.Published) CheckHoursCovered();
        Status = to;
        UpdatedAt = now;
    }

    /// <summary>
    /// What the clock says the status should be now (used by the lifecycle job); null when nothing is due.
    /// </summary>
    public CourseStatus? DueTransition(DateTimeOffset now)
    {
        var first = Sessions.Count == 0 ? (DateTimeOffset?)null : Sessions.Min(s => s.StartsAt);
        var last = Sessions.Count == 0 ? (DateTimeOffset?)null : Sessions.Max(s => s.EndsAt);
        return Status switch
        {
            CourseStatus.Published when now >= EnrollmentOpensAt && now < EnrollmentClosesAt => CourseStatus.EnrollmentOpen,
            CourseStatus.Published when now >= EnrollmentClosesAt => CourseStatus.EnrollmentOpen,
            CourseStatus.EnrollmentOpen when now >= EnrollmentClosesAt => CourseStatus.EnrollmentClosed,
            CourseStatus.EnrollmentClosed when first is not null && now >= first => CourseStatus.InProgress,
            CourseStatus.InProgress when last is not null && now >= last => CourseStatus.Completed,
            _ => null,
        };
    }
}
