using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// The request-level upload limit of a page with a file field, in place of [RequestSizeLimit]/[RequestFormLimits],
/// which answer an oversized post with a bare 400 (the antiforgery check cannot read the form). It runs before the
/// antiforgery check: it caps the request body and the multipart form at the ceiling (an import page's
/// <see cref="ImportOptions.RequestCeilingBytes"/> from configuration, or the constant given), reads the form itself,
/// and when the upload is too large answers with a redirect to the page (its query kept, the handler dropped, plus
/// <c>?tooLarge=true</c>); the page then shows its size message, naming the cap in MB, next to the file field. An
/// upload refused by its length is read to its end first (up to <see cref="DiscardCeilingBytes"/>), or a browser shows
/// a reset connection instead of the answer.
/// Files between the per-file cap and the ceiling reach the page, which refuses them by their length.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>The query parameter the redirect sets; the page's GET handler binds it and shows its size message.</summary>
    public const string TooLargeQuery = "tooLarge";

    /// <summary>The import pages' limit: <see cref="ImportOptions.RequestCeilingBytes"/> from configuration.</summary>
    public UploadLimitAttribute() { }

    /// <summary>A fixed request ceiling in bytes (an example's photo form: <c>ExamplePhotos.RequestCeilingBytes</c>).</summary>
    public UploadLimitAttribute(long ceilingBytes) => CeilingBytes = ceilingBytes;

    /// <summary>The fixed ceiling in bytes; null when it comes from <see cref="ImportOptions"/>.</summary>
    public long? CeilingBytes { get; }

    /// <summary>Before the antiforgery filter (1000), which would read the form first.</summary>
    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider services) =>
        new Filter(CeilingBytes ?? ImportOptions.From(services.GetRequiredService<IConfiguration>()).RequestCeilingBytes, Order);

    /// <summary>The page's address again for a refused post: its query without the handler, plus <c>tooLarge=true</c>.</summary>
    internal static string BackToForm(HttpRequest request)
    {
        var query = new QueryBuilder(QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase) && !q.Key.Equals(TooLargeQuery, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { TooLargeQuery, "true" },
        };
        return $"{request.PathBase}{request.Path}{query}";
    }

    private sealed class Filter(long ceiling, int order) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => order;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var request = http.Request;
            // Only uploads: a url-encoded post (a confirm, the scores grid) keeps the server's and form's usual limits.
            if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true) return;

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
                bodyLimit.MaxRequestBodySize = ceiling;
            http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = ceiling }));

            var tooLarge = request.ContentLength > ceiling;
            if (tooLarge)
                await DiscardBodyAsync(http);
            else
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
                context.Result = new RedirectResult(BackToForm(request));
        }

        /// <summary>
        /// Reads the refused upload to its end, unbuffered, when it is at most <see cref="DiscardCeilingBytes"/>. A browser
        /// sends the whole body before it reads the answer; answering and closing the connection with the body unread
        /// resets it, and the browser shows "connection reset" instead of the redirect (seen with Chromium and a 40 MB
        /// file). Larger bodies are not read: the connection closes as before.
        /// </summary>
        private static async Task DiscardBodyAsync(HttpContext http)
        {
            if (http.Request.ContentLength is not { } length || length > DiscardCeilingBytes) return;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
                bodyLimit.MaxRequestBodySize = length;
            try
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            }
            catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
            {
                // The client went away or sent less than it announced: nothing to answer it with anyway.
            }
        }
    }

    /// <summary>The largest refused upload read to its end so that the browser sees the answer: 256 MiB.</summary>
    public const long DiscardCeilingBytes = 256L * 1024 * 1024;
}
