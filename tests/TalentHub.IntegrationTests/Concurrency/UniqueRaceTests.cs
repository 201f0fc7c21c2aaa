namespace TalentHub.IntegrationTests.Concurrency;

/// <summary>Two users saving the same unique value at once on SQLite (see <see cref="UniqueRaces"/>).</summary>
public sealed class UniqueRaceTests(TalentHubFactory app) : AppTest(app)
{
    [Fact] public Task EntityCreate_SameCreditCode() => UniqueRaces.EntityCreate_LoserGetsTheDuplicateCreditCodeErrorAsync(App);
    [Fact] public Task EntityEdit_ToTheSameCreditCode() => UniqueRaces.EntityEdit_ToACodeSavedMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
    [Fact] public Task EntityLink_SamePersonAndRole() => UniqueRaces.EntityLink_TheSamePersonAndRole_LoserGetsAlreadyLinkedAsync(App);
    [Fact] public Task ProgramCreate_SameYearAndName() => UniqueRaces.ProgramCreate_LoserGetsTheDuplicateNameErrorAsync(App);
    [Fact] public Task PersonCreate_SameIdNumber() => UniqueRaces.PersonCreate_LoserGetsTheDuplicateIdNumberErrorAsync(App);
    [Fact] public Task PersonEdit_ToTheSameIdNumber() => UniqueRaces.PersonEdit_ToAnIdNumberRegisteredMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
}
