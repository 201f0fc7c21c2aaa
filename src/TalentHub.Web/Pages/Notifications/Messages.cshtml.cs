using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Notifications;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Pages.Training.My;

namespace TalentHub.Web.Pages.Notifications;

/// <summary>The farmer's in-app messages at /My/Messages (their registry person's).</summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class MessagesModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : MessagesPageModel(db, clock, l)
{
    protected override IQueryable<Message>? Mine(IQueryable<Message> messages) =>
        FarmerPerson.Of(User) is { } personId ? messages.Where(m => m.PersonId == personId) : null;

    public override string CourseUrl(int courseId) => $"/Catalog/{courseId}";
}
