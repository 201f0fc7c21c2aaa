using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Training.My;

namespace TalentHub.Web.Pages.Notifications;

/// <summary>
/// The farmer's in-app messages, newest first, written in the reader's language. Opening the page
/// marks them read (the unread ones stay highlighted on this one view).
/// </summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class MessagesModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Item(long Id, NotificationKind Kind, string? Subject, DateTimeOffset? SessionStartsAt, int? CourseId,
        DateTimeOffset CreatedAt, bool Unread);

    // Not [BindProperty]: Razor Pages already has a route value called "page" (the page path).
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        var mine = db.Messages.AsNoTracking().Where(m => m.PersonId == personId);
        var page = await Paged.ReadAsync(mine.OrderByDescending(m => m.Id), PageNumber, PageSize, messages => messages
            .Select(m => new Item(m.Id, m.Kind, m.Subject, m.SessionStartsAt, m.CourseId, m.CreatedAt, m.ReadAt == null)));
        (Items, PageNumber, Total) = (page.Items, page.Number, page.Total);
        if (Items.Any(i => i.Unread)) await MarkAllReadAsync(personId);
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        if (FarmerPerson.Of(User) is not { } personId) return Forbid();
        await MarkAllReadAsync(personId);
        TempData["Flash"] = l["Messages.AllRead"].Value;
        return RedirectToPage();
    }

    /// <summary>The message in the reader's language: "Message.{Kind}" with the course title and session time.</summary>
    public string Text(Item item) =>
        Services.Notifications.MessageText.Format(l, item.Kind, item.Subject, item.SessionStartsAt);

    private Task<int> MarkAllReadAsync(int personId)
    {
        var now = clock.GetUtcNow();
        return db.Messages.Where(m => m.PersonId == personId && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now));
    }
}
