using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Services.Reports;

namespace TalentHub.IntegrationTests.Pages.Reports;

/// <summary>The dashboard's live board is reused between requests (issue 12) but shows a completion on the next request.</summary>
public sealed partial class DashboardCacheTests(TalentHubFactory app) : AppTest(app)
{
    private const string Anji = "330523000000";

    [Fact]
    public async Task Dashboard_AfterAnEnrollmentCompletes_ShowsTheNewFigure()
    {
        var client = await App.LoginAsync("city.officer");
        var before = Trained(await client.GetStringAsync("/Reports"));
        Assert.Equal(before, Trained(await client.GetStringAsync("/Reports")));

        var course = await App.FinishedCourseAsync(1);
        var trainee = (await App.TraineesAsync(course.Id, 1))[0];
        var id = await App.EnrollmentIdAsync(course.Id, trainee.PersonId);
        await App.MarkAsync(course.Id, course.SessionIds[0], new Dictionary<int, AttendanceMark> { [id] = AttendanceMark.Present });
        await App.CompleteAsync(course.Id);

        var after = Trained(await client.GetStringAsync("/Reports"));
        Assert.True(after > before, $"people trained in 安吉县 stayed {before} after a completion");
        Assert.Equal(await FreshAsync(), after);
    }

    /// <summary>Anji's people trained this year, computed without the cache.</summary>
    private async Task<decimal> FreshAsync()
    {
        using var scope = App.Services.CreateScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var values = await scope.ServiceProvider.GetRequiredService<IndicatorCalculator>()
            .ComputeAsync(ReportPeriod.YearToDate(ReportPeriod.DayOf(now).Year, now), now);
        return values.Get(Anji, Indicator.PeopleTrained) ?? 0;
    }

    private static decimal Trained(string html)
    {
        var match = TrainedCell().Match(html);
        Assert.True(match.Success, "no 安吉县 people-trained cell on the dashboard");
        var text = match.Groups["n"].Value.Trim().Replace(",", "");
        return text.Length == 0 || text == "—" ? 0 : decimal.Parse(text, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("<tr data-county=\"330523000000\">.*?data-indicator=\"PeopleTrained\">(?<n>[^<]*)<div", RegexOptions.Singleline)]
    private static partial Regex TrainedCell();
}
