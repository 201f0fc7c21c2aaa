using TalentHub.IntegrationTests.Concurrency;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The same unique-value races on PostgreSQL (SQLSTATE 23505; see <see cref="UniqueRaces"/>).</summary>
public sealed class PostgresUniqueRaceTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact] public Task EntityCreate_SameCreditCode() => UniqueRaces.EntityCreate_LoserGetsTheDuplicateCreditCodeErrorAsync(App);
    [PostgresFact] public Task EntityEdit_ToTheSameCreditCode() => UniqueRaces.EntityEdit_ToACodeSavedMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
    [PostgresFact] public Task EntityLink_SamePersonAndRole() => UniqueRaces.EntityLink_TheSamePersonAndRole_LoserGetsAlreadyLinkedAsync(App);
    [PostgresFact] public Task ProgramCreate_SameYearAndName() => UniqueRaces.ProgramCreate_LoserGetsTheDuplicateNameErrorAsync(App);
    [PostgresFact] public Task PersonCreate_SameIdNumber() => UniqueRaces.PersonCreate_LoserGetsTheDuplicateIdNumberErrorAsync(App);
    [PostgresFact] public Task PersonEdit_ToTheSameIdNumber() => UniqueRaces.PersonEdit_ToAnIdNumberRegisteredMeanwhile_LoserGetsTheDuplicateErrorAsync(App);
}
