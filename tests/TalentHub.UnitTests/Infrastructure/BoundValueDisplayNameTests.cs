using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TalentHub.Web.Pages.Reports;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>
/// Every posted value that the model binder may fail to read (numbers, dates, enums: "abc", "2027-02-30") is named in its
/// refusal ("“abc”不是有效的{name}。") by its [Display] name, localised; without one the property's C# name appeared on a
/// Chinese page ("不是有效的Value", "不是有效的ExpiresOn": review12 on /Reports/Targets and /Admin/ApiTokens).
/// </summary>
public sealed class BoundValueDisplayNameTests
{
    private static readonly Assembly Web = typeof(TargetsModel).Assembly;

    /// <summary>Hidden fields and choices from a list: a browser posts only what the page offered, so only a tampered post is refused.</summary>
    private static readonly HashSet<string> NotTyped = ["Version", "Stamp", "Id", "PersonId", "SubjectId", "Subject", "Type", "Indicator", "Signed"];

    [Fact]
    public void EveryBoundNumberDateOrEnum_HasADisplayName()
    {
        var missing = new List<string>();
        foreach (var page in Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var bindsAll = page.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.CanWrite && (bindsAll || p.GetCustomAttribute<BindPropertyAttribute>() is not null)))
                Check(property, $"{page.Name}.{property.Name}", missing, depth: 0);
        }
        Assert.True(missing.Count == 0, "No [Display] name: " + string.Join(", ", missing));
    }

    private static void Check(PropertyInfo property, string path, List<string> missing, int depth)
    {
        var type = property.PropertyType;
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            // A list binds its elements (a dictionary's values are keyed by id and checked by its page).
            if (type.GetGenericTypeDefinition() != typeof(List<>)) return;
            type = type.GetGenericArguments()[0];
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.Assembly == Web && underlying.IsClass && depth < 3)
        {
            foreach (var inner in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                Check(inner, $"{path}.{inner.Name}", missing, depth + 1);
            return;
        }
        if (underlying.IsValueType && underlying != typeof(bool) && property.GetCustomAttribute<DisplayAttribute>() is null
            && !NotTyped.Contains(property.Name))
            missing.Add(path);
    }
}
