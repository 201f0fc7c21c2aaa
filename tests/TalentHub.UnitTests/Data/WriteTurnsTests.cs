using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>Issue 12: SQLite writers of the enroll path take turns in arrival order instead of polling the write lock.</summary>
public sealed class WriteTurnsTests
{
    private sealed class NoScope : IRegionScope { public string? CountyCode => null; }

    private static TalentHubDbContext Sqlite() => new SqliteTalentHubDbContext(
        new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite("Data Source=:memory:").Options, new NoScope(), TestDatabase.Protector);

    [Fact]
    public async Task OnSqlite_TheNextWriterWaits_UntilTheTurnIsGivenBack_AndGivingItBackTwiceFreesOneTurn()
    {
        var turns = new WriteTurns();
        await using var db = Sqlite();

        var first = await turns.TakeAsync(db, CancellationToken.None);
        var second = turns.TakeAsync(db, CancellationToken.None).AsTask();
        Assert.NotNull(first);
        Assert.False(second.IsCompleted);

        first!.Dispose();
        first.Dispose();
        var held = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(held);
        var third = turns.TakeAsync(db, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        held!.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30)))!.Dispose();
    }

    [Fact]
    public async Task AWaitingWriter_StopsWaiting_WhenItsRequestIsCancelled()
    {
        var turns = new WriteTurns();
        await using var db = Sqlite();
        using var held = await turns.TakeAsync(db, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = turns.TakeAsync(db, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task OnPostgres_NoTurnIsTaken()
    {
        var turns = new WriteTurns();
        await using var db = new PostgresTalentHubDbContext(
            new DbContextOptionsBuilder<PostgresTalentHubDbContext>().UseNpgsql("Host=localhost").Options, new NoScope(), TestDatabase.Protector);

        Assert.Null(await turns.TakeAsync(db, CancellationToken.None));
        Assert.Null(await turns.TakeAsync(db, CancellationToken.None));
    }
}
