namespace TalentHub.Web.Services.Training;

/// <summary>Registers the training area's services (enrollment, the course clock, the roster importer).</summary>
public static class TrainingServices
{
    /// <summary>Registers the training services (enrollment, course clock, roster import, attendance, check-in, completion, certificates, follow-ups).</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<EnrollmentFacts>();
        services.AddScoped<EnrollmentService>();
        services.AddScoped<CourseClock>();
        services.AddScoped<RosterImporter>();
        // Outcomes: attendance, check-in, completion, certificates and follow-ups (the jobs need them too).
        services.AddScoped<AttendanceService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<CompletionService>();
        services.AddScoped<CourseStaff>();
        services.AddScoped<CertificateService>();
        services.AddScoped<FollowUpService>();
        return services;
    }
}
