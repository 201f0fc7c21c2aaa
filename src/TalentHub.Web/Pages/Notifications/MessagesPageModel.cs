using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Notifications;

/// <summary>
/// In-app messages of the signed-in reader, newest first, written in the reader's language: a farmer's (by person)
/// or a staff member's (by account). Opening a page of the list marks the messages it shows read (the unread ones stay
/// highlighted on this view); those on other pages stay unread until their page is opened, and one delivered while the page
/// is being built stays unread for the badge and the next visit (fix34f). "Mark all read" marks every one up to
/// <see cref="Newest"/>.
/// </summary>
public abstract class MessagesPageModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Item(long Id, NotificationKind Kind, string? Subject, DateTimeOffset? SessionStartsAt, int? CourseId,
        DateTimeOffset CreatedAt, bool Unread, string? About);

    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [PageQuery] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];
    /// <summary>The reader's newest message id when the list was read (null when they have none); "mark all read" posts it back.</summary>
    public long? Newest { get; private set; }

    /// <summary>The reader's messages, or null when the signed-in user has no mailbox here.</summary>
    protected abstract IQueryable<Message>? Mine(IQueryable<Message> messages);

    /// <summary>Where a message about a course links: the catalog page for farmers, the course's outcomes for staff.</summary>
    public abstract string CourseUrl(int courseId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Mine(db.Messages.AsNoTracking()) is not { } mine) return Forbid();
        // Read before the list: whatever arrives after this is not marked read below, even if the list shows it.
        Newest = await mine.MaxAsync(m => (long?)m.Id);
        var page = await Paged.ReadAsync(mine.OrderByDescending(m => m.Id), PageNumber, PageSize, messages => messages
            .Select(m => new Item(m.Id, m.Kind, m.Subject, m.SessionStartsAt, m.CourseId, m.CreatedAt, m.ReadAt == null, m.About)));
        (Items, PageNumber, Total) = (page.Items, page.Number, page.Total);
        // Only the messages this page shows are marked read (rev36: opening page 1 marked every message read, so the unread ones
        // on page 2 and beyond never showed as new and the badge said none were left); the rest stay new for their own page.
        var shown = Items.Where(i => i.Unread).Select(i => i.Id).ToList();
        if (shown.Count > 0) await MarkReadAsync(shown);
        return Page();
    }

    /// <summary>Marks the reader's messages read up to <paramref name="upTo"/> (the newest id the page showed); all of them when absent.</summary>
    public async Task<IActionResult> OnPostReadAllAsync([FromForm] long? upTo)
    {
        if (Mine(db.Messages) is null) return Forbid();
        await MarkReadAsync(upTo ?? long.MaxValue);
        TempData["Flash"] = l["Messages.AllRead"].Value;
        return RedirectToPage();
    }

    /// <summary>The message in the reader's language: "Message.{Kind}" with the course title, session time and trainee.</summary>
    public string Text(Item item) =>
        Services.Notifications.MessageText.Format(l, item.Kind, item.Subject, item.SessionStartsAt, item.About);

    private Task<int> MarkReadAsync(long upTo)
    {
        var now = clock.GetUtcNow();
        return Mine(db.Messages)!.Where(m => m.ReadAt == null && m.Id <= upTo).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
    }

    /// <summary>Marks the reader's messages <paramref name="ids"/> read (those of theirs among them that are still unread).</summary>
    private Task<int> MarkReadAsync(IReadOnlyCollection<long> ids)
    {
        var now = clock.GetUtcNow();
        return Mine(db.Messages)!.Where(m => m.ReadAt == null && ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
    }
}
