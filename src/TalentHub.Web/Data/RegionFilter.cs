using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Data;

/// <summary>
/// The region scope, declared once: every entity type implementing <see cref="IRegionOwned"/> gets the
/// named query filter <see cref="Name"/>, so an escape names the filter it lifts
/// (<c>IgnoreQueryFilters([RegionFilter.Name])</c>) and leaves any other filter in force.
/// </summary>
public static class RegionFilter
{
    /// <summary>The filter's name in the EF model.</summary>
    public const string Name = "RegionScope";

    /// <summary>
    /// Adds <c>ScopedCountyCode == null || e.CountyCode == ScopedCountyCode</c> to every region-owned type.
    /// The shape is kept as it was written by hand: an equality on the indexed <c>CountyCode</c> column, so
    /// a county user's query seeks the county index (ARCHITECTURE.md "Scope declared once").
    /// </summary>
    internal static void Apply(ModelBuilder builder, TalentHubDbContext context)
    {
        var scoped = Expression.Property(Expression.Constant(context), ScopedCountyCodeProperty);
        var none = Expression.Constant(null, typeof(string));
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (!typeof(IRegionOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null) continue;
            var e = Expression.Parameter(entityType.ClrType, "e");
            var county = Expression.Property(e, entityType.ClrType.GetProperty(nameof(IRegionOwned.CountyCode))!);
            var body = Expression.OrElse(Expression.Equal(scoped, none), Expression.Equal(county, scoped));
            builder.Entity(entityType.ClrType).HasQueryFilter(Name, Expression.Lambda(body, e));
        }
    }

    private static readonly PropertyInfo ScopedCountyCodeProperty = typeof(TalentHubDbContext)
        .GetProperty(nameof(TalentHubDbContext.ScopedCountyCode), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;
}
