namespace TalentHub.Web.Services.Notifications;

/// <summary>Registers the notifications machinery: the outbox, its dispatcher and the configured outside channel.</summary>
public static class NotificationsServices
{
    /// <summary>
    /// The outbox channel: SMTP when <c>TalentHub:Notifications:Smtp:Host</c> is set, else SMS when
    /// <c>TalentHub:Notifications:Sms:Url</c> is set, else the notifications log file. Password help gets the
    /// configured SMS and SMTP senders (<see cref="PasswordHelpChannels"/>).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<UnreadMessages>();
        var smtp = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>();
        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>();
        var hasSmtp = !string.IsNullOrWhiteSpace(smtp?.Host);
        var hasSms = !string.IsNullOrWhiteSpace(sms?.Url);
        if (hasSmtp)
        {
            services.AddSingleton(smtp!);
            services.AddSingleton<SmtpNotificationSender>();
        }
        if (hasSms)
        {
            services.AddSingleton(sms!);
            services.AddHttpClient(SmsNotificationSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
            services.AddSingleton<SmsNotificationSender>();
        }
        if (hasSmtp) services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<SmtpNotificationSender>());
        else if (hasSms) services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<SmsNotificationSender>());
        else services.AddSingleton<INotificationSender, FileNotificationSender>();
        services.AddSingleton(sp => new PasswordHelpChannels(
            hasSms ? sp.GetRequiredService<SmsNotificationSender>() : null,
            hasSmtp ? sp.GetRequiredService<SmtpNotificationSender>() : null));
        return services;
    }
}
