using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// The unread badge of the signed-in reader (a farmer reads their person's messages, staff their account's), counted
/// once per request however often the page shows it (the layout shows it twice: menu and phone toggler), and on SQLite
/// reused across requests until this process next writes anything (<see cref="UnchangedReads"/>).
/// Issue 12: it was a Blazor component rendered through the component renderer on every signed-in page; dotnet-trace
/// of <c>/People</c> put the two badges at ~5 % of the request's CPU, most of it the renderer, so it is now written
/// directly, with the same markup, from one COUNT query. (Not an EF compiled query: one process may hold models of
/// both providers or two key sets, and a compiled query refuses a model other than its first.)
/// </summary>
public sealed class UnreadMessages(TalentHubDbContext db, UnchangedReads reads, IStringLocalizer<SharedResource> localizer)
{
    private (ClaimsPrincipal Reader, int Count)? _counted;

    /// <summary>Unread in-app messages of <paramref name="reader"/>; 0 when not signed in.</summary>
    public async Task<int> CountAsync(ClaimsPrincipal? reader, CancellationToken ct = default)
    {
        if (reader?.Identity?.IsAuthenticated != true) return 0;
        if (_counted is { } counted && ReferenceEquals(counted.Reader, reader)) return counted.Count;
        var count = 0;
        // db.Messages.Count(m => m.PersonId == personId && m.ReadAt == null) (or by UserId), without EF's query pipeline
        // (RawScalar); on SQLite reused until this process next writes anything (UnchangedReads).
        if (int.TryParse(reader.FindFirst(ClaimNames.Person)?.Value, out var personId))
            count = Convert.ToInt32(await reads.ReadAsync("unread-person:" + personId.ToString(CultureInfo.InvariantCulture), () => RawScalar.ReadAsync(db,
                "SELECT COUNT(*) FROM \"Messages\" WHERE \"PersonId\" = @id AND \"ReadAt\" IS NULL", "id", personId, ct)), CultureInfo.InvariantCulture);
        else if (reader.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            count = Convert.ToInt32(await reads.ReadAsync("unread-user:" + userId, () => RawScalar.ReadAsync(db,
                "SELECT COUNT(*) FROM \"Messages\" WHERE \"UserId\" = @id AND \"ReadAt\" IS NULL", "id", userId, ct)), CultureInfo.InvariantCulture);
        _counted = (reader, count);
        return count;
    }

    /// <summary>
    /// The badge: <c>&lt;span class="badge …" id="…" data-count="n"&gt;n&lt;span class="visually-hidden"&gt; n unread
    /// messages&lt;/span&gt;&lt;/span&gt;</c> (99+ above 99), or nothing at all when there are none.
    /// </summary>
    /// <param name="reader">The signed-in user.</param>
    /// <param name="id">Element id; the menu's badge keeps "unread-count", the phone toggler's and home card's get their own.</param>
    public async Task<IHtmlContent> BadgeAsync(ClaimsPrincipal? reader, string id = "unread-count")
    {
        var count = await CountAsync(reader);
        if (count <= 0) return HtmlString.Empty;
        var hidden = localizer.Plural("Messages.UnreadCount", count);
        var badge = new HtmlContentBuilder(9);
        badge.AppendHtml("<span class=\"badge rounded-pill text-bg-danger\" id=\"").Append(id)
            .AppendHtml("\" data-count=\"").Append(count.ToString(CultureInfo.InvariantCulture)).AppendHtml("\">")
            .AppendHtml(count > 99 ? "99+" : count.ToString(CultureInfo.InvariantCulture))
            .AppendHtml("<span class=\"visually-hidden\"> ").Append(hidden.Value).AppendHtml("</span></span>");
        return badge;
    }
}
