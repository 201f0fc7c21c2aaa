using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TalentHub.Web.Pages;

/// <summary>Re-executed for 4xx answers without a body (404, 403, 400...).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public int Code { get; private set; }
    public string TitleKey { get; private set; } = "";

    public void OnGet(int code) => Set(code);

    public void OnPost(int code) => Set(code);

    private void Set(int code)
    {
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
