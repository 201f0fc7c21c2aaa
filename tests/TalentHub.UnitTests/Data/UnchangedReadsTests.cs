using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Issue 12 (perf7a): the session stamp and the unread count are kept between requests on SQLite, and every write this
/// process makes through EF — an account's save included, though accounts are not domain records — ends the keeping.
/// </summary>
public sealed class UnchangedReadsTests
{
    private sealed record Setup(TestDatabase Database, DataVersions Versions, DataVersionInterceptor Interceptor) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Setup> WithUserAsync(string stamp)
    {
        var database = await TestDatabase.CreateAsync();
        var versions = new DataVersions();
        var setup = new Setup(database, versions, new DataVersionInterceptor(versions));
        await using var db = database.NewContext(setup.Interceptor);
        db.Users.Add(new AppUser { Id = "u1", UserName = "u1", NormalizedUserName = "U1", SecurityStamp = stamp });
        await db.SaveChangesAsync();
        return setup;
    }

    private static Task<object?> StampAsync(Setup setup, UnchangedReads reads, Action onRead) => reads.ReadAsync("stamp:u1", async () =>
    {
        onRead();
        await using var db = setup.Database.NewContext();
        return await RawScalar.ReadAsync(db, "SELECT \"SecurityStamp\" FROM \"AspNetUsers\" WHERE \"Id\" = @id", "id", "u1");
    });

    [Fact]
    public async Task A_kept_stamp_is_read_again_after_the_account_is_saved_through_EF()
    {
        await using var setup = await WithUserAsync("first");
        var reads = new UnchangedReads(setup.Versions, enabled: true);
        var calls = 0;

        var before = await StampAsync(setup, reads, () => calls++);
        var again = await StampAsync(setup, reads, () => calls++);
        await using (var db = setup.Database.NewContext(setup.Interceptor))
        {
            var user = await db.Users.SingleAsync(u => u.Id == "u1");
            user.SecurityStamp = "second";  // what UserManager.UpdateSecurityStampAsync saves (lock, logout, password, role)
            await db.SaveChangesAsync();
        }
        var after = await StampAsync(setup, reads, () => calls++);

        Assert.Equal("first", before);
        Assert.Equal("first", again);
        Assert.Equal("second", after);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_bulk_update_through_EF_also_ends_the_keeping()
    {
        await using var setup = await WithUserAsync("first");
        var reads = new UnchangedReads(setup.Versions, enabled: true);
        Assert.Equal("first", await StampAsync(setup, reads, () => { }));

        await using (var db = setup.Database.NewContext(setup.Interceptor))
            await db.Users.Where(u => u.Id == "u1").ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "second"));

        Assert.Equal("second", await StampAsync(setup, reads, () => { }));
    }

    [Fact]
    public async Task Disabled_it_reads_every_time_and_sees_a_change_this_process_never_made()
    {
        await using var setup = await WithUserAsync("first");
        var reads = new UnchangedReads(setup.Versions, enabled: false);
        Assert.Equal("first", await StampAsync(setup, reads, () => { }));

        // Another node's change: no interceptor of this process sees it.
        await using (var db = setup.Database.NewContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AspNetUsers\" SET \"SecurityStamp\" = 'other-node' WHERE \"Id\" = 'u1'");

        Assert.Equal("other-node", await StampAsync(setup, reads, () => { }));
    }
}
