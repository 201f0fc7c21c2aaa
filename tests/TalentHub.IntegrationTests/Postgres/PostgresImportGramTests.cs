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

/// <summary>Taken ID numbers skipped by the import's insert, on PostgreSQL (issue 12, imp8a): the same scenarios as on SQLite.</summary>
public sealed class PostgresImportSkipTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task TakenIdNumbers_AreSkippedByTheInsert_WithNoChildrenAuditRowsOrGrams_OnPostgres() =>
        ImportSkipScenarios.TakenIdNumbers_AreSkippedByTheInsert_WithNoChildrenAuditRowsOrGrams(App);

    [PostgresFact]
    public Task AnEntityRegisteredBetweenPreviewAndConfirm_IsSkipped_NotDuplicated_WithNoAuditRow_OnPostgres() =>
        ImportSkipScenarios.AnEntityRegisteredBetweenPreviewAndConfirm_IsSkipped_NotDuplicated_WithNoAuditRow(App);

    [PostgresFact]
    public Task APersonRegisteredBetweenPreviewAndConfirm_IsSkipped_WithNoAuditRow_AndCountedAsSkipped_OnPostgres() =>
        ImportSkipScenarios.APersonRegisteredBetweenPreviewAndConfirm_IsSkipped_WithNoAuditRow_AndCountedAsSkipped(App);
}
