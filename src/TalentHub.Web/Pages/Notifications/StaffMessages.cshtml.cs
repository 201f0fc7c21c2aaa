using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Notifications;

/// <summary>A staff member's in-app messages at /Messages (addressed to their account, e.g. at-risk trainees of their courses).</summary>
[Authorize(Policy = Policies.CourseViewer)]
public sealed class StaffMessagesModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MessagesPageModel(db, clock, l)
{
    protected override IQueryable<Message>? Mine(IQueryable<Message> messages) =>
        User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? messages.Where(m => m.UserId == userId) : null;

    public override string CourseUrl(int courseId) => $"/Courses/{courseId}/Outcomes";
}
