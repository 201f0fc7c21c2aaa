using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// README's <c>dotnet ef migrations add</c> builds the contexts through the design-time factories; they must create a
/// context without a running app, and its model must match each provider's migration snapshot (a model change without
/// its two migrations fails here, before any database sees it).
/// </summary>
public sealed class DesignTimeContextTests
{
    [Fact]
    public void SqliteFactory_BuildsTheModel_TheSqliteMigrationsDescribe()
    {
        using var db = new SqliteDesignTimeContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresFactory_BuildsTheModel_ThePostgresMigrationsDescribe_WithoutAServer()
    {
        using var db = new PostgresDesignTimeContextFactory().CreateDbContext(["--ConnectionStrings:Postgres=Host=nowhere.invalid"]);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
