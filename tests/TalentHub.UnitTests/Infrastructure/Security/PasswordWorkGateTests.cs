using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class PasswordWorkGateTests
{
    private readonly FakeTimeProvider clock = new();

    private PasswordWorkGate Gate(int? permits, int queue, double waitSeconds = 15) => new(
        Options.Create(new TalentHubOptions { PasswordWork = new PasswordWorkOptions { Permits = permits, QueueLimit = queue, WaitSeconds = waitSeconds } }),
        clock);

    [Fact]
    public void ByDefault_OnePermitPerCoreButOne_AtLeastOne()
    {
        using var gate = Gate(null, 100);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), gate.Permits);
        using var configured = Gate(3, 100);
        Assert.Equal(3, configured.Permits);
    }

    [Fact]
    public async Task PermitsRunAtOnce_TheNextWaitsUntilOneIsGivenBack()
    {
        using var gate = Gate(2, 10);
        var first = gate.EnterAsync();
        var second = gate.EnterAsync();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);

        var third = gate.EnterAsync().AsTask();
        Assert.False(third.IsCompleted);

        (await first).Dispose();
        using var permit = await third;
        (await second).Dispose();
    }

    [Fact]
    public async Task AFullQueue_RefusesAtOnceWithBusy()
    {
        using var gate = Gate(1, 1);
        using var held = await gate.EnterAsync();
        var queued = gate.EnterAsync().AsTask();
        Assert.False(queued.IsCompleted);

        await Assert.ThrowsAsync<PasswordWorkBusyException>(() => gate.EnterAsync().AsTask());

        held.Dispose();
        (await queued).Dispose();
    }

    [Fact]
    public async Task ACancelledWaiter_GetsCancellation_NotBusy_AndLeavesTheQueue()
    {
        using var gate = Gate(1, 1);
        var held = await gate.EnterAsync();
        using var request = new CancellationTokenSource();
        var waiting = gate.EnterAsync(request.Token).AsTask();

        await request.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.IsNotType<PasswordWorkBusyException>(error);
        // Its place in the queue is free again: the next caller waits instead of being refused.
        var next = gate.EnterAsync().AsTask();
        Assert.False(next.IsCompleted);
        held.Dispose();
        (await next).Dispose();
    }

    [Fact]
    public async Task AWaitLongerThanTheLimit_EndsWithBusy()
    {
        using var gate = Gate(1, 5, waitSeconds: 10);
        using var held = await gate.EnterAsync();
        var waiting = gate.EnterAsync().AsTask();

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<PasswordWorkBusyException>(() => waiting);
    }

    [Fact]
    public async Task AFlowHoldingAPermit_RunsHashWorkWithoutWaitingAgain_OthersStillWait()
    {
        using var gate = Gate(1, 5);
        var permit = await gate.EnterAsync();
        var other = gate.RunAsync(() => Task.FromResult(7));
        Assert.False(other.IsCompleted);
        using (gate.Hold(permit))
        {
            var inside = gate.RunAsync(() => Task.FromResult(42));
            Assert.True(inside.IsCompletedSuccessfully);
            Assert.Equal(42, await inside);
            Assert.False(other.IsCompleted);
        }
        // Given back: the waiting caller gets it.
        Assert.Equal(7, await other);
    }
}
