using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using TalentHub.Web.Pages.Reports;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>
/// A [Range] checks a bound value by converting it to the range's operand type; an int range on a decimal property threw
/// OverflowException for 99999999999999 (a 500 on the follow-up form, review32). Every [Range] in the app refuses each
/// extreme of its property's type instead of throwing.
/// </summary>
public sealed class RangeOperandTests
{
    private static readonly Assembly Web = typeof(TargetsModel).Assembly;

    public static TheoryData<string> RangedProperties()
    {
        var data = new TheoryData<string>();
        foreach (var (type, property) in Ranged()) data.Add($"{type.FullName}.{property.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(RangedProperties))]
    public void ExtremeValues_AreRefused_NotThrown(string name)
    {
        var (_, property) = Ranged().Single(p => $"{p.Type.FullName}.{p.Property.Name}" == name);
        var range = property.GetCustomAttribute<RangeAttribute>()!;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        foreach (var field in new[] { "MaxValue", "MinValue" })
        {
            var extreme = type.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
            try { Assert.False(range.IsValid(extreme), $"{name} = {extreme}"); }
            finally { CultureInfo.CurrentCulture = culture; }
        }
    }

    [Fact]
    public void TheAppHasRangedNumberInputs() => Assert.True(Ranged().Count() > 10);

    private static IEnumerable<(Type Type, PropertyInfo Property)> Ranged() =>
        from type in Web.GetTypes()
        where !type.IsGenericTypeDefinition
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where property.GetCustomAttribute<RangeAttribute>() is not null
        select (type, property);
}
