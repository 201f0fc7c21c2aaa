using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// Who a notification goes to: a registry person (<see cref="PersonId"/>) or a staff account (<see cref="UserId"/>);
/// contact details are decrypted only for the sender that needs them.
/// </summary>
public sealed record NotificationRecipient(int? PersonId, string Name, string? Mobile, string? Email)
{
    /// <summary>The staff account's Identity id when the recipient is not a registry person.</summary>
    public string? UserId { get; init; }

    /// <summary>"person:12" or "user:{id}": how logs name the recipient without any contact detail.</summary>
    public string LogName => PersonId is { } id ? $"person:{id}" : $"user:{UserId}";
}

/// <summary>
/// One message for an outside channel. <see cref="Key"/> is the outbox key (unique per notification): it
/// travels with the message so that a resend after a crash is recognisable — the SMTP <c>Message-ID</c>, an
/// SMS gateway's client message id (<see cref="ClientId"/>), the file sender's line.
/// </summary>
public sealed record OutgoingNotification(string Key, NotificationRecipient To, string Text)
{
    /// <summary>The key as a short, gateway-safe id (hex of its SHA-256, 32 characters): an SMS gateway's client id.</summary>
    public string ClientId => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key)))[..32];
}

/// <summary>
/// An outside channel (file log, e-mail; an SMS gateway would be one more implementation, passing
/// <see cref="OutgoingNotification.ClientId"/> as its client message id so the gateway drops a resend).
/// In-app messages are always written by the dispatcher itself.
/// </summary>
public interface INotificationSender
{
    /// <summary>The channel's name in logs ("file", "smtp", "sms").</summary>
    string Channel { get; }
    /// <summary>
    /// Sends one message; throws on failure so the dispatcher counts an attempt and retries on its next run. A recipient
    /// without an address on this channel is skipped without error.
    /// </summary>
    Task SendAsync(OutgoingNotification message, CancellationToken ct);
}

/// <summary>
/// The default sender: appends to data/notifications.log with the person id only, never a mobile, and the
/// outbox key on every line. A key already in the file is never written again, also when several processes
/// share the file (nodes on one data folder, or a node that took over the work of one killed mid-dispatch,
/// issue 15): the check and the append happen under an exclusive lock on the file, after reading whatever
/// another process appended since this one last looked.
/// </summary>
public sealed class FileNotificationSender(DataDirectory data, TimeProvider clock) : INotificationSender
{
    /// <summary>Tries to take the file's lock before giving up (another process holds it for one append: milliseconds).</summary>
    private const int LockAttempts = 500;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, KnownKeys> KeysByFile = [];
    public string Channel => "file";

    /// <summary>The keys read from one file so far, and how far (bytes) it has been read.</summary>
    private sealed class KnownKeys
    {
        public HashSet<string> Keys { get; } = [];
        public long Offset { get; set; }
    }

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingNotification message, CancellationToken ct)
    {
        var path = Path.Combine(data.Root, "notifications.log");
        var key = message.Key.ReplaceLineEndings(" ").Replace('\t', ' ');
        var line = $"{clock.GetUtcNow():O}\tkey:{key}\t{message.To.LogName}\t{message.Text.ReplaceLineEndings(" ")}{Environment.NewLine}";
        await Gate.WaitAsync(ct);
        try
        {
            await using var file = await OpenExclusiveAsync(path, ct);
            var known = await CatchUpAsync(path, file, ct);
            if (known.Keys.Contains(key)) return;
            file.Seek(0, SeekOrigin.End);
            await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line), ct);
            await file.FlushAsync(ct);
            known.Keys.Add(key);
            known.Offset = file.Length;
        }
        finally { Gate.Release(); }
    }

    /// <summary>Opens the file for reading and appending with no sharing: on Linux an advisory lock other processes respect.</summary>
    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts && File.Exists(path))
            {
                await Task.Delay(10, ct);
            }
        }
    }

    /// <summary>Reads the complete lines appended since this process last read the file (all of it the first time).</summary>
    private static async Task<KnownKeys> CatchUpAsync(string path, FileStream file, CancellationToken ct)
    {
        if (!KeysByFile.TryGetValue(path, out var known) || file.Length < known.Offset) KeysByFile[path] = known = new KnownKeys();
        if (file.Length == known.Offset) return known;
        file.Seek(known.Offset, SeekOrigin.Begin);
        var bytes = new byte[file.Length - known.Offset];
        await file.ReadExactlyAsync(bytes, ct);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        foreach (var text in System.Text.Encoding.UTF8.GetString(bytes, 0, complete).Split('\n'))
            if (text.Split('\t') is [_, var field, ..] && field.StartsWith("key:", StringComparison.Ordinal)) known.Keys.Add(field[4..]);
        known.Offset += complete;
        return known;
    }
}

/// <summary>
/// E-mail through MailKit when TalentHub:Notifications:Smtp:Host is set; people without an address are skipped.
/// The Message-ID is derived from the outbox key, so a resend after a crash carries the same id and mail
/// systems (and readers) recognise it as the same message.
/// </summary>
public sealed class SmtpNotificationSender(SmtpOptions options, ILogger<SmtpNotificationSender> log) : INotificationSender
{
    public string Channel => "smtp";

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingNotification notification, CancellationToken ct)
    {
        var to = notification.To;
        if (string.IsNullOrWhiteSpace(to.Email))
        {
            log.LogDebug("{Recipient} has no e-mail address; skipped", to.LogName);
            return;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Subject = options.Subject;
        message.MessageId = MessageIdOf(notification, options.From);
        message.Headers.Add("X-TalentHub-Key", notification.ClientId);
        message.Body = new TextPart("plain") { Text = notification.Text };

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>"{client id}@{the sender's domain}": the same for every attempt of one notification.</summary>
    public static string MessageIdOf(OutgoingNotification notification, string from)
    {
        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } d ? d : "talenthub.local";
        return $"{notification.ClientId}@{domain}";
    }
}

/// <summary>The SMTP sender's settings (section <see cref="Section"/>); without a host no e-mail is sent.</summary>
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
