using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Infrastructure.Security;

/// <summary>
/// Turns <see cref="PasswordWorkBusyException"/> from any page handler (login, sign-up, password change or reset,
/// admin set-password, e-mail change) into the same form with a localized "busy, try again" error, status 503 and
/// <c>Retry-After</c> (<see cref="RetryAfterSeconds"/>), instead of the error page. Nothing was saved: the gate refuses
/// before the hash, and the handler's transaction (if any) rolls back as the exception leaves it.
/// </summary>
public sealed class PasswordWorkBusyFilter(IStringLocalizer<SharedResource> l, ILogger<PasswordWorkBusyFilter> log) : IAsyncPageFilter
{
    /// <summary>Seconds the answer asks the client to wait (5: a classroom's hashes take a few seconds).</summary>
    public const int RetryAfterSeconds = 5;

    private static readonly object AnsweredKey = new();

    /// <summary>
    /// Whether this request was answered "busy, try again": nothing was checked or saved, so it must not count against
    /// the per-address ceilings (<see cref="AddressLimitsMiddleware"/>) nor any failure count (review 5).
    /// </summary>
    public static bool Answered(HttpContext context) => context.Items.ContainsKey(AnsweredKey);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not PasswordWorkBusyException || executed.HandlerInstance is not PageModel page) return;
        log.LogWarning("Password work busy: {Page} answered 503", context.ActionDescriptor.ViewEnginePath);
        executed.ExceptionHandled = true;
        context.HttpContext.Items[AnsweredKey] = true;
        page.ModelState.AddModelError((page as IPasswordBusyField)?.PasswordBusyField ?? "", l["Password.Busy"]);
        page.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status503ServiceUnavailable;
        executed.Result = result;
    }
}

/// <summary>
/// A page with several forms names the field of its password form, so <see cref="PasswordWorkBusyFilter"/>'s "busy"
/// message shows next to that field rather than in the page-wide summary (review 5: admin user page).
/// </summary>
public interface IPasswordBusyField
{
    /// <summary>The model key of the password field, e.g. <c>Reset.NewPassword</c>.</summary>
    string PasswordBusyField { get; }
}
