namespace TalentHub.IntegrationTests.Postgres;

/// <summary>
/// A test that needs a PostgreSQL server: reported as skipped (never passed) when
/// <see cref="PostgresFactory.Variable"/> is not set. test.sh sets it up when it can.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresFactory.BaseConnectionString is null) Skip = $"{PostgresFactory.Variable} is not set";
    }
}
