using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// Every file a signed-in user downloads from a page (xlsx/csv exports, dispatch sheets, templates, photos) is sent
/// with <c>Cache-Control: no-store</c>: the exports carry personal data (names, ID numbers, phones) that a shared
/// computer's browser cache or a proxy must not keep. Keyed on the result being a <see cref="FileResult"/>, so a new
/// export is covered without remembering to add anything. Anonymous downloads are left to the default.
/// </summary>
public sealed class NoStoreFilesFilter : IResultFilter
{
    /// <summary>Sets <c>Cache-Control: no-store</c> before a signed-in user's file result writes its body.</summary>
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not FileResult || context.HttpContext.User.Identity?.IsAuthenticated != true) return;
        context.HttpContext.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>Nothing to do once the file is written.</summary>
    public void OnResultExecuted(ResultExecutedContext context) { }
}
