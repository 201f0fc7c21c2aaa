using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace TalentHub.Web.Api;

/// <summary>
/// Names the query parameter an API request could not bind (review10: <c>?category=x</c> got the generic 400 text). Minimal
/// APIs refuse such a request before any endpoint filter runs and say nothing of the parameter (with
/// <c>ThrowOnBadRequest</c> off they answer an empty 400, which the API's status-code handler turns into the problem); so
/// when that empty 400 is written, the endpoint's query parameters (plain and <c>[AsParameters]</c> properties) are read
/// again, strictly, and the first one that does not read is named in the problem's <c>detail</c> with what it takes.
/// Strict on purpose: this runs only after binding failed, so it may not pass a value binding refused.
/// </summary>
public static class ApiBindingFailures
{
    /// <summary>
    /// The localized detail naming the first query parameter of the request's endpoint that does not read (its query name,
    /// camelCase), or null when none is found (the problem keeps its generic detail).
    /// </summary>
    public static string? Detail(HttpContext context)
    {
        if (FirstUnreadable(context) is not { } failure) return null;
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return l[failure.Kind, failure.Name];
    }

    /// <summary>
    /// The first query parameter of the request's endpoint whose value does not read as its type, with the resource key
    /// describing what it takes (<c>Api.Problem.Repeated</c>, <c>Api.Problem.UnknownValue</c> for an enum name,
    /// <c>Api.Problem.NotANumber</c>, <c>Api.Problem.NotADate</c>, <c>Api.Problem.NotAnInstant</c>,
    /// <c>Api.Problem.NotABoolean</c>), else null.
    /// </summary>
    public static (string Name, string Kind)? FirstUnreadable(HttpContext context)
    {
        foreach (var (query, type, values) in QueryValues(context))
        {
            if (values.Count == 1 && string.IsNullOrEmpty(values[0])) continue;
            if (values.Count > 1) return (query, "Api.Problem.Repeated");
            if (!Reads(values[0]!, type)) return (query, KindOf(type));
        }
        return null;
    }

    /// <summary>
    /// The first enum query parameter of the request's endpoint that bound to a value the client did not name: a key given
    /// twice or a comma list, which enum parsing reads as the bitwise OR of the names (review11:
    /// <c>?category=ReturningEntrepreneur&amp;category=HighQualityFarmer</c> listed the ProfessionalManager people), with the
    /// resource key (<c>Api.Problem.Repeated</c>, <c>Api.Problem.UnknownValue</c>) and the query name (camelCase); else null.
    /// Binding succeeds for these, so this is checked before the endpoint runs, not after a failed binding.
    /// </summary>
    public static (string Name, string Kind)? FirstCombinedEnum(HttpContext context)
    {
        foreach (var (query, type, values) in QueryValues(context))
        {
            if (!type.IsEnum) continue;
            if (values.Count > 1) return (query, "Api.Problem.Repeated");
            if (values[0]?.Contains(',') == true) return (query, "Api.Problem.UnknownValue");
        }
        return null;
    }

    /// <summary>
    /// The first instant query parameter (<see cref="DateTimeOffset"/>, <c>updatedSince</c>) of the request's endpoint whose value
    /// reads but names no offset (<c>2026-11-01</c>, <c>2026-11-01T00:00:00</c>), with <c>Api.Problem.NotAnInstant</c> and its
    /// query name; else null. Binding reads such a value in the server's time zone, so a client meaning Shanghai time got rows
    /// since eight hours later on a UTC server and an incremental sync silently missed them (review37b); the API documents
    /// instants with offset, so one without is refused, naming the parameter.
    /// </summary>
    public static (string Name, string Kind)? FirstInstantWithoutOffset(HttpContext context)
    {
        foreach (var (query, type, values) in QueryValues(context))
        {
            if (type != typeof(DateTimeOffset) || values.Count != 1 || string.IsNullOrEmpty(values[0])) continue;
            if (DateTime.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var read) && read.Kind == DateTimeKind.Unspecified)
                return (query, "Api.Problem.NotAnInstant");
        }
        return null;
    }

    /// <summary>
    /// The query name (camelCase) of the first query parameter of the request's endpoint given more than once, of any type
    /// (text filters and an empty value included), with <c>Api.Problem.Repeated</c>; else null. Review37b: binding refused a
    /// repeated number only when both values were numbers (<c>limit=&amp;limit=1</c> listed) and joined a repeated text
    /// (<c>q=a&amp;q=b</c> searched "a,b", <c>county=</c> twice read as a malformed code); the API documents a key given twice as a 400.
    /// </summary>
    public static (string Name, string Kind)? FirstRepeated(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method) return null;
        foreach (var parameter in method.GetParameters())
        {
            var names = parameter.GetCustomAttribute<AsParametersAttribute>() is not null
                ? parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || Simple(p.PropertyType) is not null)).Select(p => p.Name)
                : parameter.Name is { } name && (parameter.ParameterType == typeof(string) || Simple(parameter.ParameterType) is not null)
                    && parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromRouteAttribute>() is null
                    && context.Request.RouteValues.ContainsKey(name) is false ? [name] : [];
            foreach (var n in names)
                if (context.Request.Query[n].Count > 1) return (char.ToLowerInvariant(n[0]) + n[1..], "Api.Problem.Repeated");
        }
        return null;
    }

    /// <summary>The request's values of its endpoint's query parameters that were given, with their query names (camelCase).</summary>
    private static IEnumerable<(string Query, Type Type, Microsoft.Extensions.Primitives.StringValues Values)> QueryValues(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method) yield break;
        foreach (var (name, type) in QueryParameters(method))
        {
            var values = context.Request.Query[name];
            if (values.Count > 0) yield return (char.ToLowerInvariant(name[0]) + name[1..], type, values);
        }
    }

    private static IEnumerable<(string Name, Type Type)> QueryParameters(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (property.CanWrite && Simple(property.PropertyType) is { } t) yield return (property.Name, t);
            }
            else if (parameter.Name is { } name && Simple(parameter.ParameterType) is { } t)
                yield return (name, t);
        }
    }

    /// <summary>The type to read for a parameter that binds from one query value (not a string, not a service), else null.</summary>
    private static Type? Simple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || (t.IsPrimitive && t != typeof(char)) || t == typeof(decimal) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid)
            ? t : null;
    }

    private static bool Reads(string value, Type type)
    {
        var c = CultureInfo.InvariantCulture;
        if (type.IsEnum) return !value.Contains(',') && Enum.TryParse(type, value, ignoreCase: false, out _);
        if (type == typeof(bool)) return bool.TryParse(value, out _);
        if (type == typeof(int)) return int.TryParse(value, NumberStyles.Integer, c, out _);
        if (type == typeof(long)) return long.TryParse(value, NumberStyles.Integer, c, out _);
        if (type == typeof(DateOnly)) return DateOnly.TryParse(value, c, DateTimeStyles.None, out _);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.TryParse(value, c, DateTimeStyles.None, out _);
        if (type == typeof(DateTime)) return DateTime.TryParse(value, c, DateTimeStyles.None, out _);
        if (type == typeof(Guid)) return Guid.TryParse(value, out _);
        if (type == typeof(TimeOnly)) return TimeOnly.TryParse(value, c, DateTimeStyles.None, out _);
        return decimal.TryParse(value, NumberStyles.Number, c, out var d) && IsWithin(d, type);
    }

    private static bool IsWithin(decimal value, Type type)
    {
        try
        {
            Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException) { return false; }
    }

    private static string KindOf(Type type) =>
        type.IsEnum ? "Api.Problem.UnknownValue"
        : type == typeof(bool) ? "Api.Problem.NotABoolean"
        : type == typeof(DateOnly) ? "Api.Problem.NotADate"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "Api.Problem.NotAnInstant"
        : type == typeof(Guid) || type == typeof(TimeOnly) ? "Api.Problem.Unreadable"
        : "Api.Problem.NotANumber";
}
