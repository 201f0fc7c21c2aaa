namespace TalentHub.IntegrationTests.Postgres;

/// <summary>Base for tests that share one demo app on its own fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public abstract class PostgresTest(PostgresFactory app)
{
    protected PostgresFactory App { get; } = app;
}

/// <summary>One database for the whole collection; its tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFactory>
{
    public const string Name = "postgres";
}
