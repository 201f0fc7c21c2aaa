using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// The one text of a notification, shared by the in-app page and the outside senders: "Message.{Kind}" with
/// the course title ({0}), only for a session reminder the session time ({1}), and only for a staff message whom it
/// is about or a certificate message the certificate number ({2}) — never a stray "—".
/// </summary>
public static class MessageText
{
    /// <summary>
    /// The text of a message in the current UI language: resource "Message.{kind}" with {0} the subject (course title),
    /// {1} the session start as an Asia/Shanghai date and time, {2} <see cref="Notification.About"/> (the trainee of a staff message, the number of a revoked or reinstated certificate).
    /// </summary>
    public static string Format(IStringLocalizer l, NotificationKind kind, string? subject, DateTimeOffset? sessionStartsAt, string? about = null) =>
        l[$"Message.{kind}", subject ?? "", sessionStartsAt is null ? "" : ShanghaiTime.FormatDateTime(sessionStartsAt), about ?? ""].Value.Trim();
}
