using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// Computes the §7 indicators from the data for every county over a <see cref="ReportPeriod"/> (half-open, cut at
/// Asia/Shanghai midnights). It reads across the region scope on purpose (<see cref="RegionFilter.Name"/> lifted): the
/// city average and the ranking need every county; callers decide what a county user may see.
/// </summary>
public sealed class IndicatorCalculator(TalentHubDbContext db)
{
    /// <summary>Every indicator per county over <paramref name="period"/>; follow-ups count only tasks due before <paramref name="now"/>.</summary>
    public async Task<IndicatorValues> ComputeAsync(ReportPeriod period, DateTimeOffset now, CancellationToken ct = default)
    {
        var counties = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToListAsync(ct);
        var values = counties.ToDictionary(c => c, _ => new Dictionary<Indicator, decimal?>());
        void Put(Indicator indicator, IEnumerable<(string County, decimal? Value)> rows)
        {
            foreach (var (county, value) in rows)
                if (values.TryGetValue(county, out var row)) row[indicator] = value;
        }

        var (start, end) = (period.Start, period.End);
        var completed = db.Enrollments.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt >= start && e.CompletedAt < end)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]), e => e.CourseId, c => c.Id, (e, c) => new { e.PersonId, c.CountyCode });
        Put(Indicator.PeopleTrained, (await completed.GroupBy(x => x.CountyCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, (decimal?)g.N)));

        var returning = db.Set<PersonCategory>().Where(c => c.Category == TalentCategory.ReturningEntrepreneur).Select(c => c.PersonId);
        Put(Indicator.ReturningEntrepreneursSupported, (await completed.Where(x => returning.Contains(x.PersonId))
                .Select(x => new { x.CountyCode, x.PersonId }).Distinct()
                .GroupBy(x => x.CountyCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, (decimal?)g.N)));

        // One certification per completed place that holds a valid certificate, counted in the period of the place's first issue:
        // a reissue (补发) after a revocation, even in a later year, is not a new certification. The period's certificates come
        // from the (IssuedAt, CountyCode) index; "an earlier one of the place" is looked up among the person's few certificates
        // (PersonId index) and "a valid one" by the valid-certificate index, so the work grows with the period, not the table.
        var certificates = db.Certificates.IgnoreQueryFilters([RegionFilter.Name]);
        Put(Indicator.CertificatesIssued, (await certificates.Where(f => f.IssuedAt >= start && f.IssuedAt < end)
                .Where(f => !certificates.Any(o => o.PersonId == f.PersonId && o.EnrollmentId == f.EnrollmentId && o.IssuedAt < f.IssuedAt))
                .Where(f => certificates.Any(v => v.EnrollmentId == f.EnrollmentId && v.RevokedAt == null))
                .GroupBy(f => f.CountyCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, (decimal?)g.N)));

        // Listed = first approval; an entity approved again after a suspension is not new.
        var firstApprovals = await db.Set<EntityStatusChange>().Where(h => h.To == EntityStatus.Approved)
            .GroupBy(h => h.EntityId).Select(g => new { EntityId = g.Key, At = g.Min(h => h.At) }).ToListAsync(ct);
        var newIds = firstApprovals.Where(a => a.At >= start && a.At < end).Select(a => a.EntityId).ToList();
        var listed = await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => newIds.Contains(e.Id) && e.Status != EntityStatus.Deregistered)
            .Select(e => new { e.CountyCode, e.Type }).ToListAsync(ct);
        Put(Indicator.NewFamilyFarms, listed.Where(e => e.Type == EntityType.FamilyFarm).GroupBy(e => e.CountyCode).Select(g => (g.Key, (decimal?)g.Count())));
        Put(Indicator.NewCooperatives, listed.Where(e => e.Type == EntityType.Cooperative).GroupBy(e => e.CountyCode).Select(g => (g.Key, (decimal?)g.Count())));

        var ratingYear = ReportPeriod.DayOf(start).Year;
        Put(Indicator.DemonstrationEntitiesRated, (await db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name])
                .Where(e => e.Rating != null && e.RatingYear == ratingYear && e.Status != EntityStatus.Deregistered)
                .GroupBy(e => e.CountyCode).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => (g.Key, (decimal?)g.N)));

        var dueEnd = now < end ? now : end;
        var due = await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name])
            .Where(t => t.DueAt >= start && t.DueAt < dueEnd)
            .GroupBy(t => t.CountyCode).Select(g => new { g.Key, Due = g.Count(), Done = g.Count(t => t.RecordedAt != null) }).ToListAsync(ct);
        Put(Indicator.FollowUpRate, due.Select(g => (g.Key, g.Due == 0 ? null : (decimal?)Math.Round(100m * g.Done / g.Due, 1))));

        return new IndicatorValues(values);
    }
}
