using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Services.Reports;

/// <summary>
/// Computes the dashboard's outcome charts (talent categories, completion and certification, satisfaction, follow-up
/// outcomes, spend) for one Asia/Shanghai calendar year and the courses of the filter, grouped by the course's county.
/// Reads across the region scope (the city row needs every county); callers pass only the counties a user may see.
/// </summary>
public sealed class OutcomeCalculator(TalentHubDbContext db)
{
    /// <summary>Rows for <paramref name="shown"/> counties and the whole city, and spend per program of the year.</summary>
    public async Task<OutcomeFigures> ComputeAsync(OutcomeFilter filter, IReadOnlyCollection<string> shown, CancellationToken ct = default)
    {
        var (start, end) = ReportPeriod.Year(filter.Year);
        var courses = db.Courses.IgnoreQueryFilters([RegionFilter.Name]).AsQueryable();
        if (filter.ProgramId is { } programId) courses = courses.Where(c => c.ProgramId == programId);
        if (filter.Category is { } category) courses = courses.Where(c => c.Category == category);
        var enrollments = db.Enrollments.IgnoreQueryFilters([RegionFilter.Name]);

        var decided = await enrollments
            .Where(e => (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted) && e.CompletedAt >= start && e.CompletedAt < end)
            .Join(courses, e => e.CourseId, c => c.Id, (e, c) => new { c.CountyCode, e.Status })
            .GroupBy(x => x.CountyCode).Select(g => new { g.Key, Decided = g.Count(), Completed = g.Count(x => x.Status == EnrollmentStatus.Completed) })
            .ToDictionaryAsync(g => g.Key, ct);
        // The certified among the completed of the year: a reissued certificate (补发) is the same certification, whatever year it
        // was issued in, so the rate never passes 100 %.
        var valid = db.Certificates.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.RevokedAt == null);
        var certificates = await enrollments
            .Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt >= start && e.CompletedAt < end && valid.Any(c => c.EnrollmentId == e.Id))
            .Join(courses, e => e.CourseId, c => c.Id, (e, c) => c.CountyCode)
            .GroupBy(c => c).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var surveys = await db.SurveyAnswers.Where(a => a.AnsweredAt >= start && a.AnsweredAt < end)
            .Join(courses, a => a.CourseId, c => c.Id, (a, c) => new { c.CountyCode, a.Rating })
            .GroupBy(x => x.CountyCode).Select(g => new { g.Key, N = g.Count(), Satisfied = g.Count(x => x.Rating >= SurveyAnswer.SatisfiedFrom) })
            .ToDictionaryAsync(g => g.Key, ct);
        var followUps = await db.FollowUpTasks.IgnoreQueryFilters([RegionFilter.Name]).Where(t => t.RecordedAt >= start && t.RecordedAt < end)
            .Join(courses, t => t.CourseId, c => c.Id, (t, c) => new { c.CountyCode, t })
            .GroupBy(x => x.CountyCode).Select(g => new
            {
                g.Key, Recorded = g.Count(), Reached = g.Count(x => !x.t.Unreachable), Started = g.Count(x => x.t.StartedBusiness),
                Joined = g.Count(x => x.t.JoinedEntity), Adopted = g.Count(x => x.t.AdoptedTechnique), Employed = g.Count(x => x.t.Employed),
            }).ToDictionaryAsync(g => g.Key, ct);
        var completedPeople = enrollments.Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt >= start && e.CompletedAt < end)
            .Join(courses, e => e.CourseId, c => c.Id, (e, c) => new { c.CountyCode, e.PersonId }).Distinct();
        var talents = (await completedPeople.Join(db.Set<PersonCategory>(), x => x.PersonId, pc => pc.PersonId, (x, pc) => new { x.CountyCode, pc.Category })
                .GroupBy(x => new { x.CountyCode, x.Category }).Select(g => new { g.Key.CountyCode, g.Key.Category, N = g.Count() }).ToListAsync(ct))
            .ToLookup(x => x.CountyCode);

        OutcomeRow Row(string county) => new(county)
        {
            Decided = decided.GetValueOrDefault(county)?.Decided ?? 0, Completed = decided.GetValueOrDefault(county)?.Completed ?? 0,
            Certificates = certificates.GetValueOrDefault(county), Answers = surveys.GetValueOrDefault(county)?.N ?? 0,
            Satisfied = surveys.GetValueOrDefault(county)?.Satisfied ?? 0, Recorded = followUps.GetValueOrDefault(county)?.Recorded ?? 0,
            Reached = followUps.GetValueOrDefault(county)?.Reached ?? 0, StartedBusiness = followUps.GetValueOrDefault(county)?.Started ?? 0,
            JoinedEntity = followUps.GetValueOrDefault(county)?.Joined ?? 0, AdoptedTechnique = followUps.GetValueOrDefault(county)?.Adopted ?? 0,
            Employed = followUps.GetValueOrDefault(county)?.Employed ?? 0,
            Talents = Enum.GetValues<TalentCategory>().ToDictionary(t => t, t => talents[county].Where(x => x.Category == t).Sum(x => x.N)),
        };
        var counties = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(ct);
        var rows = counties.Select(Row).ToList();
        var city = new OutcomeRow(null)
        {
            Decided = rows.Sum(r => r.Decided), Completed = rows.Sum(r => r.Completed), Certificates = rows.Sum(r => r.Certificates),
            Answers = rows.Sum(r => r.Answers), Satisfied = rows.Sum(r => r.Satisfied), Recorded = rows.Sum(r => r.Recorded),
            Reached = rows.Sum(r => r.Reached), StartedBusiness = rows.Sum(r => r.StartedBusiness), JoinedEntity = rows.Sum(r => r.JoinedEntity),
            AdoptedTechnique = rows.Sum(r => r.AdoptedTechnique), Employed = rows.Sum(r => r.Employed),
            Talents = Enum.GetValues<TalentCategory>().ToDictionary(t => t, t => rows.Sum(r => r.Talents[t])),
        };
        return new OutcomeFigures(rows.Where(r => shown.Contains(r.County!)).ToList(), city, await SpendAsync(filter, start, end, ct));
    }

    private async Task<List<ProgramSpend>> SpendAsync(OutcomeFilter filter, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var programs = await db.Programs.AsNoTracking().Include(p => p.Standards)
            .Where(p => p.Year == filter.Year && (filter.ProgramId == null || p.Id == filter.ProgramId)).OrderBy(p => p.Id).ToListAsync(ct);
        var ids = programs.Select(p => p.Id).ToList();
        var completions = await db.Enrollments.IgnoreQueryFilters([RegionFilter.Name])
            .Where(e => e.Status == EnrollmentStatus.Completed && e.CompletedAt >= start && e.CompletedAt < end)
            .Join(db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.ProgramId != null && ids.Contains(c.ProgramId.Value)
                    && (filter.Category == null || c.Category == filter.Category)),
                e => e.CourseId, c => c.Id, (e, c) => new { ProgramId = c.ProgramId!.Value, c.TraineeType })
            .GroupBy(x => new { x.ProgramId, x.TraineeType }).Select(g => new { g.Key.ProgramId, g.Key.TraineeType, N = g.Count() }).ToListAsync(ct);
        return programs.Select(p =>
        {
            var mine = completions.Where(c => c.ProgramId == p.Id).ToList();
            var n = mine.Sum(c => c.N);
            var standard = n == 0 ? (decimal?)null
                : Math.Round(mine.Sum(c => c.N * (p.Standards.FirstOrDefault(s => s.TraineeType == c.TraineeType)?.YuanPerTrainee ?? 0)) / n, 0);
            var budget = p.Budget * 10_000m;
            return new ProgramSpend(p.Id, p.Name, budget, n, n == 0 ? null : Math.Round(budget / n, 0), standard);
        }).ToList();
    }
}
