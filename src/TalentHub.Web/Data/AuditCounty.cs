using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data;

/// <summary>
/// The county an audit row of each audited type carries (<see cref="AuditEntry.CountyCode"/>, what the audit page's
/// county filter matches), declared once for the interceptor and the bulk insert. A region-owned record
/// (<see cref="IRegionOwned"/>) carries its own county; a part of one carries its owner's: a person's categories and
/// venture the person's, an entity's members the entity's, a course's enrollments, attendance and survey answers the
/// course's (as the roster's hand-written audit rows do); a target its county. Programs and dispatch reports are
/// city-wide and carry none. <c>AuditCountyTests</c> fails for an audited type this table does not name.
/// </summary>
public static class AuditCounty
{
    /// <summary>Audited types kept under a region-owned owner: the owner's type and the foreign key naming it.</summary>
    public static readonly IReadOnlyDictionary<Type, (Type Owner, string Key)> Owners = new Dictionary<Type, (Type, string)>
    {
        [typeof(PersonCategory)] = (typeof(Person), "PersonId"),
        [typeof(Venture)] = (typeof(Person), "PersonId"),
        [typeof(EntityMember)] = (typeof(BusinessEntity), nameof(EntityMember.EntityId)),
        [typeof(CourseSession)] = (typeof(Course), nameof(CourseSession.CourseId)),
        [typeof(Enrollment)] = (typeof(Course), nameof(Enrollment.CourseId)),
        [typeof(AttendanceRecord)] = (typeof(Course), nameof(AttendanceRecord.CourseId)),
        [typeof(SurveyAnswer)] = (typeof(Course), nameof(SurveyAnswer.CourseId)),
    };

    /// <summary>Audited types that belong to no county (city-wide): their audit rows carry no county.</summary>
    public static readonly IReadOnlySet<Type> CityWide = new HashSet<Type> { typeof(TrainingProgram), typeof(DispatchReport) };

    /// <summary>The county of a record that names it itself (region-owned records and targets), else null.</summary>
    public static string? Own(object entity) => entity switch
    {
        IRegionOwned owned => owned.CountyCode,
        AnnualTarget target => target.CountyCode,
        _ => null,
    };

    /// <summary>
    /// The counties of one save's tracked records: their own, or their owner's, found among the records of
    /// <paramref name="tracked"/> (new owners too, by their temporary keys) or else read from the database once per
    /// owner (region filter lifted: the writer's scope already allowed the write).
    /// </summary>
    public sealed class Resolver(DbContext context, IEnumerable<EntityEntry> tracked)
    {
        private readonly Dictionary<(Type, int), string?> _known = tracked
            .Where(e => e.Entity is IRegionOwned && e.Metadata.FindPrimaryKey()?.Properties is [{ Name: "Id" }])
            .Select(e => (Key: (e.Metadata.ClrType, e.Property("Id").CurrentValue), County: ((IRegionOwned)e.Entity).CountyCode))
            .Where(x => x.Key.CurrentValue is int)
            .DistinctBy(x => x.Key)
            .ToDictionary(x => (x.Key.ClrType, (int)x.Key.CurrentValue!), x => (string?)x.County);

        /// <summary>The county of <paramref name="entry"/>; null for a city-wide type or an owner that does not exist.</summary>
        public async ValueTask<string?> OfAsync(EntityEntry entry, bool async, CancellationToken ct)
        {
            if (Own(entry.Entity) is { } own) return own;
            if (!Owners.TryGetValue(entry.Metadata.ClrType, out var owner)) return null;
            var property = entry.Property(owner.Key);
            if ((entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue) is not int id) return null;
            if (_known.TryGetValue((owner.Owner, id), out var known)) return known;
            var county = owner.Owner == typeof(Person) ? await LookUpAsync(context.Set<Person>(), id, async, ct)
                : owner.Owner == typeof(BusinessEntity) ? await LookUpAsync(context.Set<BusinessEntity>(), id, async, ct)
                : await LookUpAsync(context.Set<Course>(), id, async, ct);
            return _known[(owner.Owner, id)] = county;
        }

        private static async ValueTask<string?> LookUpAsync<T>(IQueryable<T> set, int id, bool async, CancellationToken ct) where T : class, IRegionOwned
        {
            var query = set.IgnoreQueryFilters().AsNoTracking().Where(e => EF.Property<int>(e, "Id") == id)
                .Select(e => EF.Property<string>(e, nameof(IRegionOwned.CountyCode)));
            return async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault();
        }
    }
}
