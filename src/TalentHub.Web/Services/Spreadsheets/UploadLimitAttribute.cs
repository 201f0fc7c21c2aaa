using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The request-level upload limit of an import page, from configuration (<see cref="ImportOptions"/>), in
/// place of [RequestSizeLimit]/[RequestFormLimits] whose limits must be constants. It runs before the
/// antiforgery check: it caps the request body and the multipart form at
/// <see cref="ImportOptions.RequestCeilingBytes"/>, reads the form itself, and when the upload is too large
/// answers with a redirect to the page (<c>?tooLarge=true</c>), which shows the cap, instead of a 400 or 413.
/// Files between the cap and that ceiling reach the page, which refuses them by their length.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public const string TooLargeQuery = "tooLarge";

    /// <summary>Before the antiforgery filter (1000), which would read the form first.</summary>
    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider services) =>
        new Filter(ImportOptions.From(services.GetRequiredService<IConfiguration>()), Order);

    private sealed class Filter(ImportOptions options, int order) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var request = http.Request;
            if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return;

            var ceiling = options.RequestCeilingBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
                bodyLimit.MaxRequestBodySize = ceiling;
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = ceiling }));

            var tooLarge = request.ContentLength > ceiling;
            if (!tooLarge)
            {
                try
                {
                    await request.ReadFormAsync(http.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
                {
                    tooLarge = true;
                }
            }
            if (tooLarge)
                context.Result = new RedirectResult($"{request.PathBase}{request.Path}?{TooLargeQuery}=true");
        }
    }
}
