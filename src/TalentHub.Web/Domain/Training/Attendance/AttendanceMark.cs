namespace TalentHub.Web.Domain.Training;

/// <summary>A trainee's mark for one session (PRODUCT.md §5 考勤). Present and Late count as attended hours.</summary>
public enum AttendanceMark
{
    Present,
    Late,
    Absent,
    Excused,
}

/// <summary>How a mark was taken: the trainer's roll call, the farmer's check-in code, or the paper sign-in sheet.</summary>
public enum AttendanceSource
{
    RollCall,
    CheckIn,
    SignInSheet,
}
