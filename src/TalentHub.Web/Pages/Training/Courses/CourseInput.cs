using System.ComponentModel.DataAnnotations;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>The fields of the course create and edit forms (PRODUCT.md §5). Times are Shanghai local.</summary>
public sealed class CourseInput
{
    private const string Required = "Validation.Required";
    /// <summary>A list left on its placeholder: 请选择… / Please choose….</summary>
    private const string Choose = "Validation.Choose";
    private const string TooLong = "Validation.TooLong";
    private const string OutOfRange = "Course.OutOfRange";

    [Required(ErrorMessage = Required), StringLength(100, ErrorMessage = TooLong), Display(Name = "Course.Title")]
    public string? Title { get; set; }

    [Display(Name = "Course.Program")] public int? ProgramId { get; set; }
    [Required(ErrorMessage = Choose), Display(Name = "Course.Category")] public CourseCategory? Category { get; set; }
    [Required(ErrorMessage = Choose), Display(Name = "Course.Topic")] public CourseTopic? Topic { get; set; }
    [Required(ErrorMessage = Choose), Display(Name = "Course.Level")] public CourseLevel? Level { get; set; }
    [Required(ErrorMessage = Choose), Display(Name = "Course.TraineeType")] public TraineeType? TraineeType { get; set; }

    [Required(ErrorMessage = Required), StringLength(100, ErrorMessage = TooLong), Display(Name = "Course.Organiser")]
    public string? Organiser { get; set; }

    [StringLength(50, ErrorMessage = TooLong), Display(Name = "Course.ContactName")] public string? ContactName { get; set; }
    [StringLength(24, ErrorMessage = TooLong), RegularExpression(@"\s*(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)\s*", ErrorMessage = "Course.ContactPhoneInvalid"),
     Display(Name = "Course.ContactPhone")]
    public string? ContactPhone { get; set; }

    [StringLength(64, ErrorMessage = TooLong), Display(Name = "Course.Trainer")] public string? TrainerUserName { get; set; }
    [Display(Name = "Course.TargetCategories")] public List<TalentCategory> TargetCategories { get; set; } = [];
    [Display(Name = "Course.EligibleCounties")] public List<string> EligibleCounties { get; set; } = [];
    [StringLength(200, ErrorMessage = TooLong), Display(Name = "Course.Venue")] public string? Venue { get; set; }
    [StringLength(300, ErrorMessage = TooLong), Url(ErrorMessage = "Course.LinkInvalid"), Display(Name = "Course.OnlineLink")]
    public string? OnlineLink { get; set; }

    [Required(ErrorMessage = Required), Display(Name = "Course.Capacity")] public int? Capacity { get; set; }
    /// <summary>
    /// 学时; when empty, the sum of the session hours. To one decimal, as stored and as the sessions' sum is counted (rev35a: with steps
    /// of 0.5 a course saved with 学时 left empty over 09:00–11:20 held 2.3, and every later save of its edit form was refused).
    /// </summary>
    [Range(0.1d, 10_000d, ErrorMessage = OutOfRange), Step("0.1"), Display(Name = "Course.TotalHours")] public decimal? TotalHours { get; set; }

    [Required(ErrorMessage = Required), Display(Name = "Course.EnrollmentOpensAt")] public DateTime? EnrollmentOpensAt { get; set; }
    [Required(ErrorMessage = Required), Display(Name = "Course.EnrollmentClosesAt")] public DateTime? EnrollmentClosesAt { get; set; }

    /// <summary>Minimum attendance as a percentage of hours (stored as a share, default 80 %).</summary>
    [Required(ErrorMessage = Required), Range(1, 100, ErrorMessage = OutOfRange), Display(Name = "Course.MinAttendance")]
    public int? MinAttendancePercent { get; set; } = 80;
    [Display(Name = "Course.Assessed")] public bool Assessed { get; set; }
    [Range(0d, 100d, ErrorMessage = OutOfRange), Step("0.5"), Display(Name = "Course.PassMark")] public decimal? PassMark { get; set; } = 60;
    [Required(ErrorMessage = Required), Range(0, 120, ErrorMessage = OutOfRange), Display(Name = "Course.MinAge")] public int? MinAge { get; set; } = 16;
    [Range(0, 120, ErrorMessage = OutOfRange), Display(Name = "Course.MaxAge")] public int? MaxAge { get; set; }
    [Display(Name = "Course.MinEducation")] public EducationLevel? MinEducation { get; set; }

    [Required(ErrorMessage = Choose), Display(Name = "Course.Region")] public string? RegionCode { get; set; }

    /// <summary>Create form: save although a course of the same county, title and start date exists (<c>CourseDuplicates</c>).</summary>
    [Display(Name = "Course.CreateAnyway")] public bool CreateAnyway { get; set; }

    public List<SessionInput> Sessions { get; set; } = [];
    public int Version { get; set; }

    public static CourseInput From(Course c) => new()
    {
        Title = c.Title, ProgramId = c.ProgramId, Category = c.Category, Topic = c.Topic, Level = c.Level, TraineeType = c.TraineeType,
        Organiser = c.Organiser, ContactName = c.ContactName, ContactPhone = c.ContactPhone, TrainerUserName = c.TrainerUserName, TargetCategories = c.Targets().ToList(),
        EligibleCounties = string.IsNullOrWhiteSpace(c.EligibleCounties) ? [] : c.EligibleCounties.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
        Venue = c.Venue, OnlineLink = c.OnlineLink, Capacity = c.Capacity, TotalHours = c.TotalHours,
        EnrollmentOpensAt = c.EnrollmentOpensAt.ToShanghai().DateTime, EnrollmentClosesAt = c.EnrollmentClosesAt.ToShanghai().DateTime,
        MinAttendancePercent = (int)Math.Round(c.MinAttendanceShare * 100), Assessed = c.Assessed, PassMark = c.PassMark,
        MinAge = c.MinAge, MaxAge = c.MaxAge, MinEducation = c.MinEducation, RegionCode = c.RegionCode, Version = c.Version,
        Sessions = c.Sessions.OrderBy(s => s.StartsAt).Select(SessionInput.From).ToList(),
    };
}

/// <summary>One row of the sessions table. A row with nothing in it is ignored; an existing row carries its id.</summary>
public sealed class SessionInput
{
    private const string TooLong = "Validation.TooLong";

    public int? Id { get; set; }
    /// <summary>Existing rows only: remove this session.</summary>
    public bool Delete { get; set; }
    [Display(Name = "Course.Session.Date")] public DateOnly? Date { get; set; }
    [Display(Name = "Course.Session.Start")] public TimeOnly? Start { get; set; }
    [Display(Name = "Course.Session.End")] public TimeOnly? End { get; set; }
    [StringLength(100, ErrorMessage = TooLong), Display(Name = "Course.Session.Topic")] public string? Topic { get; set; }
    [StringLength(50, ErrorMessage = TooLong), Display(Name = "Course.Session.Trainer")] public string? TrainerName { get; set; }
    [StringLength(200, ErrorMessage = TooLong), Display(Name = "Course.Session.Place")] public string? Place { get; set; }

    public bool IsBlank => Id is null && Date is null && Start is null && End is null
        && string.IsNullOrWhiteSpace(Topic) && string.IsNullOrWhiteSpace(TrainerName) && string.IsNullOrWhiteSpace(Place);

    public static SessionInput From(CourseSession s)
    {
        var start = s.StartsAt.ToShanghai();
        var end = s.EndsAt.ToShanghai();
        return new()
        {
            Id = s.Id, Date = DateOnly.FromDateTime(start.DateTime), Start = TimeOnly.FromDateTime(start.DateTime),
            End = TimeOnly.FromDateTime(end.DateTime), Topic = s.Topic, TrainerName = s.TrainerName, Place = s.Place,
        };
    }
}
