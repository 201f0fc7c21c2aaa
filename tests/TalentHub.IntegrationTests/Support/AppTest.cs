namespace TalentHub.IntegrationTests.Support;

/// <summary>
/// Base for tests that share the demo app of the collection. Each test starts with room left in the Asia/Shanghai day
/// (<see cref="ShanghaiDays.RoomInDayAsync"/>): tests compute "today", a session date or "this month" on the real clock
/// more than once, and so does the app per request, so no midnight (nor month or year end) may fall inside a test.
/// </summary>
[Collection(AppCollection.Name)]
public abstract class AppTest(TalentHubFactory app) : IAsyncLifetime
{
    protected TalentHubFactory App { get; } = app;

    /// <summary>Waits out a Shanghai day that has less than <see cref="ShanghaiDays.Need"/> left.</summary>
    public virtual Task InitializeAsync() => ShanghaiDays.RoomInDayAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
