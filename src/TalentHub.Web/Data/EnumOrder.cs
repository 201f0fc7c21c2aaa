using System.Linq.Expressions;

namespace TalentHub.Web.Data;

/// <summary>
/// Sorting by an enum in its declared (lifecycle) order. Enums are stored as their names
/// (<see cref="TalentHubDbContext"/> conventions), so a plain <c>OrderBy(e =&gt; e.Status)</c> would sort the
/// names alphabetically in SQL ("Approved" before "Draft"); this ranks each value by its numeric order instead,
/// as a CASE expression both providers translate.
/// </summary>
public static class EnumOrder
{
    /// <summary><c>x =&gt; x.Property == v0 ? 0 : x.Property == v1 ? 1 : … : n</c>, values in ascending numeric order.</summary>
    public static Expression<Func<T, int>> Rank<T, TEnum>(Expression<Func<T, TEnum>> property) where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        Expression body = Expression.Constant(values.Length);
        for (var i = values.Length - 1; i >= 0; i--)
            body = Expression.Condition(Expression.Equal(property.Body, Expression.Constant(values[i])), Expression.Constant(i), body);
        return Expression.Lambda<Func<T, int>>(body, property.Parameters);
    }
}
