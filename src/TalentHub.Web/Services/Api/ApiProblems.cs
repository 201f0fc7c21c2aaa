using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Services.Api;

/// <summary>
/// RFC 9457 problem details for the API (<c>application/problem+json</c>), the <c>title</c> localized by the
/// request culture (Accept-Language on /api): resource keys <c>Api.Problem.{status}</c> and <c>.Detail</c>.
/// </summary>
public static class ApiProblems
{
    /// <summary>The problem for <paramref name="status"/> as a result for an endpoint.</summary>
    public static IResult Result(HttpContext context, int status, string? detail = null) =>
        TypedResults.Problem(Create(context, status, detail));

    /// <summary>Writes the problem straight to the response (authentication, rate limiting).</summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null, CancellationToken ct = default)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Create(context, status, detail), (System.Text.Json.JsonSerializerOptions?)null,
            "application/problem+json", ct);
    }

    private static ProblemDetails Create(HttpContext context, int status, string? detail)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = l[$"Api.Problem.{status}"],
            Detail = detail ?? l[$"Api.Problem.{status}.Detail"],
            Instance = context.Request.Path,
        };
        problem.Extensions["traceId"] = context.TraceIdentifier;
        return problem;
    }
}
