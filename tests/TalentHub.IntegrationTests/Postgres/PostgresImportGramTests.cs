using TalentHub.IntegrationTests.Pages.People;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The import's own name bigrams on PostgreSQL (issue 12, perf5b): the same scenarios as on SQLite.</summary>
public sealed class PostgresImportGramTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task PendingGrams_EqualTheTriggers_AndAreFoundOnlyAfterTheFlip_OnPostgres() => ImportGramScenarios.PendingGrams_EqualTheTriggers_AndAreFoundOnlyAfterTheFlip(App);

    [PostgresFact]
    public Task ARolledBackChunk_OrACrashedBatchOnceCleaned_LeavesNoGrams_OnPostgres() => ImportGramScenarios.ARolledBackChunk_OrACrashedBatchOnceCleaned_LeavesNoGrams(App);
}

/// <summary>Values and audit texts computed ahead on another thread (issue 12, perf6a) on PostgreSQL.</summary>
public sealed class PostgresImportPipelineTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task PreparedRows_StoreTheSameValuesAndAuditText_AsComputedAtInsert_OnPostgres() =>
        ImportPipelineScenarios.PreparedRows_StoreTheSameValuesAndAuditText_AsComputedAtInsert(App);
}
