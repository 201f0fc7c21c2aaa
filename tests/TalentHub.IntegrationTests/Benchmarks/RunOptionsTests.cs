using TalentHub.Benchmarks;
using TalentHub.Benchmarks.Data;

namespace TalentHub.IntegrationTests.Benchmarks;

/// <summary><c>--only</c> runs the selected metrics and the baselines their ratios need, and nothing else.</summary>
public sealed class RunOptionsTests
{
    private static RunOptions Only(params string[] prefixes) =>
        new(Scale.Tiny, "results.json", null, TimeSpan.FromSeconds(1), [1], Only: prefixes);

    [Fact]
    public void Startup_alone_runs_its_own_baseline_and_no_load_baseline()
    {
        var options = Only("startup");
        Assert.True(options.Runs("startup"));
        Assert.True(options.Runs("baseline.startup"));
        Assert.False(options.Runs("baseline.fortunes-ef"));
        Assert.False(options.Runs("baseline.raw-insert"));
    }

    [Fact]
    public void A_read_metric_runs_fortunes_ef_but_not_the_startup_baseline()
    {
        var options = Only("catalog");
        Assert.True(options.Runs("baseline.fortunes-ef"));
        Assert.False(options.Runs("baseline.startup"));
        Assert.False(options.Runs("startup"));
    }

    [Fact]
    public void A_metric_runs_its_bound_and_only_its_own()
    {
        var search = Only("people-search");
        Assert.True(search.Runs("bound.people-search.county"));
        Assert.True(search.Runs("bound.people-search.city"));
        Assert.False(search.Runs("bound.import-rows"));
        var import = Only("import");
        Assert.True(import.Runs("bound.import-rows"));
        Assert.True(import.Runs("baseline.raw-insert"));
        Assert.False(import.Runs("bound.people-search.county"));
        Assert.True(Only("bound").Runs("bound.import-rows"));
    }

    [Fact]
    public void No_selection_runs_everything() => Assert.True(new RunOptions(Scale.Tiny, "r.json", null, TimeSpan.FromSeconds(1), [1]).Runs("baseline.startup"));
}
