using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Quartz;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Jobs;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Jobs;

/// <summary>The report job classes themselves, run against the app's database on a fake clock.</summary>
public sealed class ReportJobsTests(TalentHubFactory app) : AppTest(app)
{
    /// <summary>A job context that only keeps what the job sets as its result.</summary>
    public class ResultOnlyContext : DispatchProxy
    {
        public object? Result { get; private set; }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (method?.Name == "set_Result") Result = args![0];
            else if (method?.Name == "get_Result") return Result;
            else throw new NotSupportedException(method?.Name);
            return null;
        }

        public static (IJobExecutionContext Context, ResultOnlyContext Probe) Create()
        {
            var context = Create<IJobExecutionContext, ResultOnlyContext>();
            return (context, (ResultOnlyContext)(object)context);
        }
    }

    /// <summary>An instant given in Asia/Shanghai local time.</summary>
    private static FakeTimeProvider At(int y, int m, int d, int hour) => new(new DateTimeOffset(y, m, d, hour, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task SnapshotJob_RunTwice_WritesTheSameRowsForYesterday()
    {
        var day = new DateOnly(2026, 2, 14);
        async Task<List<(int, string, Indicator, decimal?)>> RunAsync()
        {
            using var scope = App.Services.CreateScope();
            var job = new IndicatorSnapshotJob(scope.ServiceProvider.GetRequiredService<ReportsService>(), At(2026, 2, 15, 1));
            var (context, probe) = ResultOnlyContext.Create();
            await job.Execute(context);
            Assert.NotNull(probe.Result);
            return await App.QueryAsync(async db => (await db.Snapshots.AsNoTracking().Where(s => s.Day == day).ToListAsync())
                .Select(s => (s.Id, s.CountyCode, s.Indicator, s.Value)).OrderBy(s => s.Id).ToList());
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(5 * Indicators.All.Count, first.Count);
        Assert.Equal(first, second); // same ids, same values: updated in place, nothing added
    }

    [Fact]
    public async Task DispatchJob_OnTheFirst_IssuesLastMonth_AndItsXlsxHoldsTheFrozenTable()
    {
        const string month = "2025-09";
        using (var scope = App.Services.CreateScope())
        {
            var job = new DispatchReportJob(scope.ServiceProvider.GetRequiredService<DispatchService>(), At(2025, 10, 1, 1));
            var (context, probe) = ResultOnlyContext.Create();
            await job.Execute(context);
            Assert.Equal(month, probe.Result);
        }
        var report = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));
        Assert.Null(report.IssuedBy);
        var figures = DispatchService.Read(report);

        var client = await App.LoginAsync("city.officer");
        var rows = MiniExcel.Query(new MemoryStream(await client.GetByteArrayAsync($"/Reports/Dispatch/{month}?handler=Xlsx")), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().ToList();
        // Title, issue time, data as of, table title, then the header.
        Assert.Equal(["排名", "县（市、区）", "培训结业人数 · 完成"], new[] { rows[4]["A"], rows[4]["B"], rows[4]["C"] });
        Assert.Equal(figures.Counties.Count, rows.Skip(5).TakeWhile(r => r["A"] is not null).Count());
        foreach (var (county, row) in figures.Counties.Zip(rows.Skip(5)))
        {
            Assert.Equal(county.NameZh, row["B"]);
            Assert.Equal(county.Rank, Convert.ToInt32(row["A"]));
            Assert.Equal(county.Cells[Indicator.PeopleTrained].Actual ?? 0, Convert.ToDecimal(row["C"] ?? 0m));
        }

        // Later data (an example approved within that month, a new target), then the job again: the issued report stays as it was.
        await App.QueryAsync(async db =>
        {
            var person = await db.People.IgnoreQueryFilters().Where(p => p.CountyCode == "330523000000").OrderBy(p => p.Id).FirstAsync();
            var example = TypicalExample.Propose(ExampleSubject.Person, person.Id, person.RegionCode, person.CountyCode, "迟到的案例", "后来补录。", [1],
                "anji.officer", new DateTimeOffset(2025, 9, 10, 0, 0, 0, TimeSpan.Zero));
            example.Approve("city.officer", new DateTimeOffset(2025, 9, 12, 0, 0, 0, TimeSpan.Zero));
            db.Examples.Add(example);
            db.Targets.Add(AnnualTarget.Create(2025, "330502000000", Indicator.CertificatesIssued, 3));
            return await db.SaveChangesAsync();
        });
        using (var scope = App.Services.CreateScope())
            await new DispatchReportJob(scope.ServiceProvider.GetRequiredService<DispatchService>(), At(2025, 10, 1, 2)).Execute(ResultOnlyContext.Create().Context);
        var again = await App.QueryAsync(db => db.DispatchReports.AsNoTracking().SingleAsync(r => r.Month == month));
        Assert.Equal(report.Figures, again.Figures);
        Assert.Equal(report.IssuedAt, again.IssuedAt);
        Assert.DoesNotContain("迟到的案例", again.Figures);
    }
}
