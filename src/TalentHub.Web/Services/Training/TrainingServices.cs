namespace TalentHub.Web.Services.Training;

/// <summary>Registers the training area's services (enrollment, the course clock, the roster importer).</summary>
public static class TrainingServices
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<EnrollmentFacts>();
        services.AddScoped<EnrollmentService>();
        services.AddScoped<CourseClock>();
        services.AddScoped<RosterImporter>();
        return services;
    }
}
