namespace TalentHub.Web.Data;

/// <summary>
/// An in-process queue for SQLite's one writer, taken by the write paths many users hit at once (enrolling, cancelling).
/// SQLite lets one connection write at a time; a connection that finds the write lock taken polls for it with
/// <c>busy_timeout</c>'s back-off (sleeps of 1–100 ms), so with many simultaneous writers the lock sits idle between one
/// commit and the next poller waking up. Waiting here instead hands the turn to the next writer as soon as the last one
/// is done, in arrival order. Issue 12 (<c>enroll</c> ≥ 500/s at 32 clients): a trace of the enroll load showed 43 % of
/// the request threads' time inside <c>BEGIN IMMEDIATE</c>. PostgreSQL takes no turn (row locks, many writers).
/// </summary>
public sealed class WriteTurns
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>
    /// Waits for the writer's turn on SQLite (null on PostgreSQL); dispose the result after the transaction commits or
    /// rolls back. After <see cref="SqlitePragmas.BusyTimeoutMilliseconds"/> without a turn the caller goes on without one
    /// (SQLite's own busy wait then applies, as before), so a stuck holder slows others but never blocks them.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="ct"/> is cancelled while waiting.
    /// </summary>
    public async ValueTask<IDisposable?> TakeAsync(TalentHubDbContext db, CancellationToken ct)
    {
        if (db is not SqliteTalentHubDbContext) return null;
        return await turn.WaitAsync(SqlitePragmas.BusyTimeoutMilliseconds, ct) ? new Turn(turn) : null;
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) turn.Release();
        }
    }
}
