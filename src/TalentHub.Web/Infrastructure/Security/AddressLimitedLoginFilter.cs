using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// A login post over the per-address ceiling (<see cref="AddressLimitsMiddleware"/>) answered as the same login form
/// with the localized "too many login attempts" message in its summary, status 429 and <c>Retry-After</c> (whole
/// seconds), instead of a bare text page that replaced the form (review 8). The page's handler never runs: no password
/// is checked, no failure counted.
/// </summary>
public sealed class AddressLimitedLoginFilter(IStringLocalizer<SharedResource> l) : IAsyncPageFilter
{
    private static readonly object WaitKey = new();

    /// <summary>Marks <paramref name="context"/>'s login post as over its ceiling, to wait <paramref name="wait"/>.</summary>
    public static void Mark(HttpContext context, TimeSpan wait) => context.Items[WaitKey] = wait;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.Items.TryGetValue(WaitKey, out var value) || value is not TimeSpan wait
            || context.HandlerInstance is not PageModel page) return next();
        page.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        page.ModelState.AddModelError("", l["Login.TooManyAttempts"]);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Result = result;
        return Task.CompletedTask;
    }
}
