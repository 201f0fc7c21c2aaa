using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Data;

/// <summary>
/// Hides rows of an import that is not committed yet (issue 8, item 9): every type an import writes gets a
/// nullable shadow column <see cref="Column"/> (null = visible; a partial index over the non-null ones) and the
/// named query filter <see cref="Name"/> <c>ImportBatchId IS NULL</c>. Lifting only the region filter
/// (<c>IgnoreQueryFilters([RegionFilter.Name])</c>) keeps pending rows hidden; only uniqueness checks lift both.
/// </summary>
public static class ImportBatchFilter
{
    /// <summary>The filter's name in the EF model.</summary>
    public const string Name = "ImportBatch";

    /// <summary>The shadow column holding the pending batch's id.</summary>
    public const string Column = "ImportBatchId";

    /// <summary>The types an import writes, children before their parents (the order rows are removed in).</summary>
    public static readonly IReadOnlyList<Type> Types =
        [typeof(AuditEntry), typeof(PersonCategory), typeof(EntityMember), typeof(EntityStatusChange), typeof(Person), typeof(BusinessEntity)];

    internal static void Apply(ModelBuilder builder)
    {
        foreach (var type in Types)
        {
            var entity = builder.Entity(type);
            entity.Property<long?>(Column);
            entity.HasIndex(Column).HasFilter($"\"{Column}\" IS NOT NULL");
            var e = Expression.Parameter(type, "e");
            var column = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(long?)], e, Expression.Constant(Column));
            entity.HasQueryFilter(Name, Expression.Lambda(Expression.Equal(column, Expression.Constant(null, typeof(long?))), e));
        }
    }
}
