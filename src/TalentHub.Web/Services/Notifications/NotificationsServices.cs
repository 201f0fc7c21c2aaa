namespace TalentHub.Web.Services.Notifications;

/// <summary>Registers the notifications machinery: the outbox, its dispatcher and the configured outside channel.</summary>
public static class NotificationsServices
{
    /// <summary>SMTP when <c>TalentHub:Notifications:Smtp:Host</c> is set, else the notifications log file.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxDispatcher>();
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>();
        if (!string.IsNullOrWhiteSpace(smtp?.Host))
        {
            services.AddSingleton(smtp);
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        }
        else services.AddSingleton<INotificationSender, FileNotificationSender>();
        return services;
    }
}
