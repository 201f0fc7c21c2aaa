using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Notifications;

/// <summary>Who a notification goes to; contact details are decrypted only for the sender that needs them.</summary>
public sealed record NotificationRecipient(int PersonId, string Name, string? Mobile, string? Email);

/// <summary>
/// An outside channel (file log, e-mail; an SMS gateway would be one more implementation).
/// In-app messages are always written by the dispatcher itself.
/// </summary>
public interface INotificationSender
{
    string Channel { get; }
    Task SendAsync(NotificationRecipient to, string text, CancellationToken ct);
}

/// <summary>The default sender: appends to data/notifications.log with the person id only, never a mobile.</summary>
public sealed class FileNotificationSender(DataDirectory data, TimeProvider clock) : INotificationSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    public string Channel => "file";

    public async Task SendAsync(NotificationRecipient to, string text, CancellationToken ct)
    {
        var line = $"{clock.GetUtcNow():O}\tperson:{to.PersonId}\t{text.ReplaceLineEndings(" ")}{Environment.NewLine}";
        await Gate.WaitAsync(ct);
        try { await File.AppendAllTextAsync(Path.Combine(data.Root, "notifications.log"), line, ct); }
        finally { Gate.Release(); }
    }
}

/// <summary>E-mail through MailKit when TalentHub:Notifications:Smtp:Host is set; people without an address are skipped.</summary>
public sealed class SmtpNotificationSender(SmtpOptions options, ILogger<SmtpNotificationSender> log) : INotificationSender
{
    public string Channel => "smtp";

    public async Task SendAsync(NotificationRecipient to, string text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to.Email))
        {
            log.LogDebug("Person {PersonId} has no e-mail address; skipped", to.PersonId);
            return;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Subject = options.Subject;
        message.Body = new TextPart("plain") { Text = text };

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

public sealed class SmtpOptions
{
    public const string Section = "TalentHub:Notifications:Smtp";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "talenthub@localhost";
    public string Subject { get; set; } = "乡村人才服务平台通知";
}
