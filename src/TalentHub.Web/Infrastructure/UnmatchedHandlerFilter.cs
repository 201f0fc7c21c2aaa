using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// A POST (or any method but GET and HEAD) that selects none of the page's handlers — a post to a page that only
/// shows, or <c>?handler=Bogus</c> — is a 404 before the page renders. Razor Pages would otherwise render the page
/// without running a handler, over a model nothing had loaded, which threw (500) on 17 pages (review16). GET keeps
/// Razor's fallback to <c>OnGet</c>. Runs after authorization and the antiforgery check.
/// </summary>
public sealed class UnmatchedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return next();
        context.Result = new NotFoundResult();
        return Task.CompletedTask;
    }
}
