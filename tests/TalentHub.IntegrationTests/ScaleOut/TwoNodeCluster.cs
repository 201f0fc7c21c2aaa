namespace TalentHub.IntegrationTests.ScaleOut;

/// <summary>
/// Two nodes (A and B) on one fresh PostgreSQL database, started at the same moment (so migrations and seeding
/// meet the advisory lock), with the same configured keys and nothing else shared: no sticky sessions, no
/// shared folder. OutboxDispatch fires every 2 s so a test can watch the cluster fire it.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public const string FastJob = "OutboxDispatch";
    /// <summary>The per-address password-help ceiling both nodes are given.</summary>
    public const int PasswordHelpPerHour = 6;

    private ClusterDatabase? _database;

    public ClusterDatabase Database => _database ?? throw new InvalidOperationException("Not started.");
    public ClusterNode A { get; private set; } = null!;
    public ClusterNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (PostgresFactory.BaseConnectionString is null) return;
        _database = new ClusterDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["TalentHub:Jobs:OutboxDispatchCron"] = "*/2 * * * * ?",
            // Low enough that a test reaches it; no other test of the collection asks for password help.
            ["TalentHub:PasswordHelpPerHour"] = PasswordHelpPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        A = new ClusterNode(Database.ConnectionString, "A", settings);
        B = new ClusterNode(Database.ConnectionString, "B", settings);
        await Task.WhenAll(Task.Run(() => A.NewClient().Dispose()), Task.Run(() => B.NewClient().Dispose()));
    }

    public async Task DisposeAsync()
    {
        if (_database is null) return;
        await A.DisposeAsync();
        await B.DisposeAsync();
        _database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<TwoNodeCluster>
{
    public const string Name = "scale-out";
}
