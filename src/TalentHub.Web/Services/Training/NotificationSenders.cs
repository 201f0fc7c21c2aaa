using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Training;

/// <summary>An outside channel (log file, e-mail, SMS). In-app messages are always written by the dispatcher.</summary>
public interface INotificationSender
{
    string Channel { get; }
    Task SendAsync(int personId, string text, CancellationToken ct);
}

/// <summary>The default sender: appends to data/notifications.log. Carries the person id only, never a mobile.</summary>
public sealed class FileNotificationSender(DataDirectory data, TimeProvider clock) : INotificationSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    public string Channel => "file";

    public async Task SendAsync(int personId, string text, CancellationToken ct)
    {
        var line = $"{clock.GetUtcNow():O}\tperson:{personId}\t{text.ReplaceLineEndings(" ")}{Environment.NewLine}";
        await Gate.WaitAsync(ct);
        try { await File.AppendAllTextAsync(Path.Combine(data.Root, "notifications.log"), line, ct); }
        finally { Gate.Release(); }
    }
}
