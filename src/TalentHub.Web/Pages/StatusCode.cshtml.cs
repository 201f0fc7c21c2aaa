using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TalentHub.Web.Pages;

/// <summary>
/// Re-executed for 4xx answers without a body (404, 403, 400...). The code is the failed response's own status
/// (<see cref="IStatusCodeReExecuteFeature"/>), else <c>?code=</c> from the query only: a re-executed POST keeps its form,
/// and a form field named <c>Code</c> (check-in code, authenticator code) bound here made a refused post a 404 showing
/// the typed code as the status (review14).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }
    public string TitleKey { get; private set; } = "";

    public void OnGet([FromQuery] int code) => Set(code);

    public void OnPost([FromQuery] int code) => Set(code);

    private void Set(int queried)
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? queried;
        Code = code;
        TitleKey = code switch
        {
            404 => "Status.NotFound",
            403 => "Status.Forbidden",
            400 => "Status.BadRequest",
            429 => "Status.TooMany",
            _ => "Status.Other",
        };
        // Keep the original status: the re-executed page must not turn a 404 into a 200.
        Response.StatusCode = code is >= 400 and < 600 ? code : 404;
    }
}
