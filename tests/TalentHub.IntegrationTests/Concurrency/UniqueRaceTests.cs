namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Two users saving the same unique value at once on SQLite (see <see cref="UniqueRaces"/>).</summary>
public sealed class UniqueRaceTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task EntityCreate_SameCreditCode() => UniqueRaces.EntityCreate_LoserGetsTheDuplicateCreditCodeErrorAsync(App);
    [Fact] public Task EntityEdit_ToTheSameCreditCode() => UniqueRaces.EntityEdit_ToACodeSavedMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
    [Fact] public Task EntityLink_SamePersonAndRole() => UniqueRaces.EntityLink_TheSamePersonAndRole_LoserGetsAlreadyLinkedAsync(App);
    [Fact] public Task ProgramCreate_SameYearAndName() => UniqueRaces.ProgramCreate_LoserGetsTheDuplicateNameErrorAsync(App);
    [Fact] public Task PersonCreate_SameIdNumber() => UniqueRaces.PersonCreate_LoserGetsTheDuplicateIdNumberErrorAsync(App);
    /// <summary>
    /// polish32: a race the page answered logged EF's "saving changes failed" with the whole stack trace at Error; it logs
    /// one line at Information, without the exception, and nothing at Warning or above.
    /// </summary>
    [Fact]
    public async Task AnsweredRace_LogsOneInformationLine_AndNoError()
    {
        await App.LoginAsync("city.officer"); // the app has started (its start-up logs warnings of its own)
        var before = App.Logged.Entries.Count;

        await UniqueRaces.ProgramCreate_LoserGetsTheDuplicateNameErrorAsync(App);

        var logged = App.Logged.Entries.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        var race = Assert.Single(logged, e => e.Message.StartsWith("Write race: a unique key refused a save of TrainingProgram", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, race.Level);
        Assert.False(race.HasException);
    }

    [Fact] public Task PersonEdit_ToTheSameIdNumber() => UniqueRaces.PersonEdit_ToAnIdNumberRegisteredMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
}
