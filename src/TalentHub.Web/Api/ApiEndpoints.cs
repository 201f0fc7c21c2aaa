using System.ComponentModel;
using System.Linq.Expressions;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Api;

namespace TalentHub.Web.Api;

/// <summary>
/// One resource of the read-only API: one file under <c>Api/V1</c> implementing this interface is found by
/// <see cref="ApiEndpoints.MapTalentHubApi"/> and mapped under <c>/api/v1/{Name}</c>, readable only by tokens granted
/// <see cref="Name"/> (add the name to <c>Domain.Api.ApiResources</c> so tokens can be issued for it).
/// </summary>
public interface IApiResource
{
    /// <summary>The URL segment and the grant name (<c>people</c>).</summary>
    string Name { get; }

    /// <summary>Maps the list, <c>/{id}</c> and any stream on <paramref name="group"/> (already at <c>/api/v1/{Name}</c>).</summary>
    void Map(RouteGroupBuilder group);
}

/// <summary>The paging parameters every list takes.</summary>
public sealed class ListQuery
{
    /// <summary>Rows per page, 1 to 500 (default 100).</summary>
    [Description("Rows per page, 1 to 500 (default 100).")]
    public int? Limit { get; set; }
    /// <summary>The <c>nextCursor</c> of the previous page (keyset: rows after that id, sorted by id).</summary>
    [Description("The nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; set; }
    /// <summary>Only rows created or changed at or after this instant (ISO-8601 with offset).</summary>
    [Description("Only rows created or changed at or after this instant (ISO-8601 with offset), for incremental sync.")]
    public DateTimeOffset? UpdatedSince { get; set; }
}

/// <summary>The parameters of a stream (<c>/stream</c>): the whole filtered list, so no <c>limit</c> or <c>cursor</c>.</summary>
public sealed class StreamQuery
{
    /// <summary>Only rows created or changed at or after this instant (ISO-8601 with offset).</summary>
    [Description("Only rows created or changed at or after this instant (ISO-8601 with offset), for incremental sync.")]
    public DateTimeOffset? UpdatedSince { get; set; }
}

/// <summary>One page of a list: rows sorted by id ascending and the cursor of the next page (null on the last).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>The read-only JSON API under <c>/api/v1/</c>: bearer tokens only, keyset-paged lists of at most <see cref="MaxLimit"/> rows.</summary>
public static class ApiEndpoints
{
    public const int MaxLimit = 500;
    public const int DefaultLimit = 100;
    public const string Policy = "ApiReader";

    /// <summary>Maps every <see cref="IApiResource"/> of the assembly under <c>/api/v1</c> (bearer tokens only).</summary>
    public static WebApplication MapTalentHubApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status400BadRequest);
        var resources = typeof(IApiResource).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiResource).IsAssignableFrom(t))
            .Select(t => (IApiResource)Activator.CreateInstance(t)!).OrderBy(r => r.Name, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var group = api.MapGroup("/" + resource.Name).WithTags(resource.Name);
            // HEAD answers as GET without the body (RFC 9110 §9.3.2; review34b: HEAD fell to the fallback's "no such record").
            // Added after MapGet's own method metadata, so routing reads this one; the OpenAPI document leaves HEAD out.
            ((IEndpointConventionBuilder)group).Add(b =>
            {
                if (b.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } m && m.HttpMethods.SequenceEqual([HttpMethods.Get]))
                    b.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
            });
            group.AddEndpointFilter(async (context, next) =>
                OwnerOutsideRegion(context.HttpContext) is { } refused ? refused
                : context.HttpContext.User.HasClaim(ClaimNames.ApiResource, resource.Name)
                    ? await next(context)
                    : ApiProblems.Result(context.HttpContext, StatusCodes.Status403Forbidden));
            group.AddEndpointFilter(async (context, next) =>
            {
                var failure = ApiBindingFailures.FirstRepeated(context.HttpContext)
                    ?? ApiBindingFailures.FirstCombinedEnum(context.HttpContext)
                    ?? ApiBindingFailures.FirstInstantWithoutOffset(context.HttpContext)
                    ?? (UndefinedEnumFilter(context.Arguments) is { } name ? (name, "Api.Problem.UnknownValue") : ((string, string)?)null)
                    ?? (OutOfRangeDateFilter(context.Arguments) is { } date ? (date, "Api.Problem.DateOutOfRange") : ((string, string)?)null);
                if (failure is not { } f) return await next(context);
                var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                return ApiProblems.Result(context.HttpContext, StatusCodes.Status400BadRequest,
                    l[f.Kind, f.Name, Infrastructure.Security.BoundedDates.Min.Year, Infrastructure.Security.BoundedDates.Max.Year].Value);
            });
            resource.Map(group);
        }
        return app;
    }

    /// <summary>
    /// The query name (camelCase) of the first enum filter of an <c>[AsParameters]</c> query object in
    /// <paramref name="arguments"/> whose value is not one the enum defines, else null. Minimal APIs bind a number to an enum
    /// as it is (<c>education=99</c>), so such a filter would silently match nothing; the HTML lists refuse it at binding.
    /// </summary>
    public static string? UndefinedEnumFilter(IEnumerable<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith(typeof(ApiEndpoints).Namespace!, StringComparison.Ordinal) != true) continue;
            foreach (var property in argument.GetType().GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsEnum && property.GetValue(argument) is { } value && !Enum.IsDefined(type, value))
                    return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            }
        }
        return null;
    }

    /// <summary>
    /// A 403 problem (<c>Api.Problem.403.Region</c>) when the token's county and its owner's no longer agree (the owner was
    /// moved to another county, or a county role was given no county after the token was issued), else null. The region
    /// scope then sees nothing, so every list answered an empty 200 page (review37b): a sync reading that as "no rows" would
    /// drop its copy. Issuing refuses such a token; one that became so is refused with the reason.
    /// </summary>
    public static IResult? OwnerOutsideRegion(HttpContext context) =>
        Services.HttpRegionScope.For(context.User) is { } county && !Domain.Regions.RegionCodes.IsValid(county)
            ? ApiProblems.Result(context, StatusCodes.Status403Forbidden, context.RequestServices
                .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Api.Problem.403.Region"])
            : null;

    /// <summary>
    /// The query name (camelCase) of the first date filter (<see cref="DateOnly"/>) of an <c>[AsParameters]</c> query object in
    /// <paramref name="arguments"/> outside the dates the app accepts (<see cref="Infrastructure.Security.BoundedDates"/>, as the
    /// pages' binder refuses them), else null. Review37b: <c>/api/v1/courses?to=9999-12-31</c> reached the course filter's
    /// day arithmetic and answered 500.
    /// </summary>
    public static string? OutOfRangeDateFilter(IEnumerable<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith(typeof(ApiEndpoints).Namespace!, StringComparison.Ordinal) != true) continue;
            foreach (var property in argument.GetType().GetProperties())
            {
                if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(DateOnly)
                    && property.GetValue(argument) is DateOnly value && !Infrastructure.Security.BoundedDates.InRange(value))
                    return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            }
        }
        return null;
    }

    /// <summary>The bearer-only policy: an API token whose owner is registry staff (the pages' own roles).</summary>
    public static AuthorizationBuilder AddApiPolicy(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireClaim(ClaimNames.ApiToken).RequireRole(Policies.All[Policies.RegistryStaff]));

    /// <summary>
    /// Rows after the cursor, sorted by <c>Id</c>, at most limit + 1 (to know whether a next page exists);
    /// null with a 400 problem when the limit or cursor is malformed.
    /// </summary>
    public static IQueryable<T>? Keyset<T>(IQueryable<T> query, ListQuery paging, out int limit)
    {
        limit = paging.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) return null;
        var after = 0;
        // An empty cursor (?cursor=, a client passing the null nextCursor of no previous page) is the first page, as every
        // other empty parameter counts as not given (review37b: it was a 400).
        if (paging.Cursor is { Length: > 0 } cursor && !TryDecode(cursor, out after)) return null;
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Property(e, "Id");
        var where = Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(id, Expression.Constant(after)), e);
        return query.Where(where).OrderBy(Expression.Lambda<Func<T, int>>(id, e)).Take(limit + 1);
    }

    /// <summary>The page of <paramref name="rows"/> (read with one extra row) and its next cursor.</summary>
    public static ApiPage<TRow> Page<TRow>(List<TRow> rows, int limit, Func<TRow, int> id) =>
        rows.Count > limit ? new(rows[..limit], Encode(id(rows[limit - 1]))) : new(rows, null);

    /// <summary>
    /// The 400 problem for a stream given <c>limit</c> or <c>cursor</c>, else null: a stream sends every row, so such a
    /// request (review37b: <c>/people/stream?limit=10</c> sent, and for a reveal token revealed and audited, the whole
    /// registry) is refused, naming the list to page instead.
    /// </summary>
    public static IResult? PagedStream(HttpContext context)
    {
        if (!context.Request.Query.ContainsKey("limit") && !context.Request.Query.ContainsKey("cursor")) return null;
        var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var path = context.Request.Path.Value ?? "";
        return ApiProblems.Result(context, StatusCodes.Status400BadRequest,
            l["Api.Problem.StreamPaging", path.EndsWith("/stream", StringComparison.Ordinal) ? path[..^"/stream".Length] : path].Value);
    }

    /// <summary>
    /// The 400 problem for a bad limit or cursor, naming which (review37b: both got "check the limit, the cursor and the filter
    /// values"): a limit that read as a number outside 1–<see cref="MaxLimit"/> (<c>Api.Problem.Limit</c>), else the cursor
    /// (<c>Api.Problem.Cursor</c>). Reached only after the limit bound as a number.
    /// </summary>
    public static IResult BadPaging(HttpContext context)
    {
        var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var limit = context.Request.Query["limit"].ToString();
        var badLimit = int.TryParse(limit, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is < 1 or > MaxLimit;
        return ApiProblems.Result(context, StatusCodes.Status400BadRequest,
            badLimit ? l["Api.Problem.Limit", MaxLimit].Value : l["Api.Problem.Cursor"].Value);
    }

    /// <summary>
    /// The answer to a list's region filters (<c>county</c>, <c>township</c>) that cannot be served, else null: 400 with
    /// <c>Api.Problem.RegionFilter</c> when a value is not exactly a 12-digit region code (full-width digits, spaces,
    /// invisible characters: a silently empty or unfiltered page would mislead), for every token; 404 when it names a
    /// region outside the token's county, as for another county's record (issue 12 leftover; an empty page would differ
    /// from the record's 404).
    /// </summary>
    public static IResult? OutOfScope(HttpContext context, Services.IRegionScope scope, params string?[] regionFilters)
    {
        var given = regionFilters.Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToList();
        if (given.Any(r => !Domain.Regions.RegionCodes.IsValid(r)))
        {
            var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            return ApiProblems.Result(context, StatusCodes.Status400BadRequest, l["Api.Problem.RegionFilter"]);
        }
        return given.Any(r => !Services.IRegionScope.Allows(scope.CountyCode, r))
            ? ApiProblems.Result(context, StatusCodes.Status404NotFound)
            : null;
    }

    /// <summary>Whether this request may see full identifiers: the owner may reveal and the token was issued with reveal rights.</summary>
    public static bool Reveals(HttpContext context) =>
        context.User.Meets(Policies.CanReveal) && context.User.HasClaim(ClaimNames.ApiReveal, "true");

    /// <summary>
    /// One page of rows held in memory and keyed by a string id (indicators: <c>{county}-{yyyy-MM}</c>): sorted by the key
    /// (ordinal), rows after the cursor's key, at most the limit; null for a malformed limit or cursor (answer with <see cref="BadPaging"/>).
    /// </summary>
    public static ApiPage<T>? PageByKey<T>(IEnumerable<T> rows, Func<T, string> key, ListQuery paging)
    {
        var limit = paging.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit) return null;
        string? after = null;
        if (paging.Cursor is { Length: > 0 } cursor && (after = DecodeKey(cursor)) is null) return null;
        var page = rows.Where(r => after is null || string.CompareOrdinal(key(r), after) > 0)
            .OrderBy(key, StringComparer.Ordinal).Take(limit + 1).ToList();
        return page.Count > limit ? new(page[..limit], EncodeKey(key(page[limit - 1]))) : new(page, null);
    }

    private static string EncodeKey(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("key:" + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeKey(string cursor)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=')));
            return text.StartsWith("key:", StringComparison.Ordinal) ? text[4..] : null;
        }
        catch (FormatException) { return null; }
    }

    private static string Encode(int id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("id:" + id)).TrimEnd('=');

    private static bool TryDecode(string cursor, out int id)
    {
        id = 0;
        try
        {
            var padded = cursor.PadRight(cursor.Length + (4 - cursor.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("id:", StringComparison.Ordinal) && int.TryParse(text[3..], out id) && id >= 0;
        }
        catch (FormatException) { return false; }
    }
}
