using Microsoft.EntityFrameworkCore;
using Npgsql;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>What counts as "the database is briefly unreachable" (answered 503 with Retry-After) and what does not.</summary>
public sealed class DatabaseOutageTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P01")]  // admin shutdown: the server restarting ended the session
    [InlineData("57P03")]  // cannot connect now: the server is starting up
    [InlineData("08006")]  // connection failure
    [InlineData("53300")]  // too many connections
    public void ARestartOrConnectionFailure_IsAnOutage_AlsoWrappedAsEfWrapsIt(string sqlState)
    {
        Assert.True(DatabaseOutage.Is(Postgres(sqlState)));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Exception while reading from stream", new IOException("reset", new System.Net.Sockets.SocketException(104))))));
        Assert.True(DatabaseOutage.Is(new DbUpdateException("save", Postgres(sqlState))));
    }

    [Fact]
    public void ARefusedRowOrAProgrammingError_IsNoOutage()
    {
        Assert.False(DatabaseOutage.Is(new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation))));
        Assert.False(DatabaseOutage.Is(Postgres(PostgresErrorCodes.UndefinedColumn)));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseOutage.Is(null));
    }
}
