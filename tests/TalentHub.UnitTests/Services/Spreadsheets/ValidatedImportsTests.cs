using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.UnitTests.Services.Spreadsheets;

/// <summary>Issue 12: a confirm reuses its preview's validated rows only for exactly the bytes, user, kind and county validated, once.</summary>
public sealed class ValidatedImportsTests
{
    private static readonly byte[] File = [1, 2, 3, 4];

    private static (ValidatedImports Previews, ImportReport Report) Kept(FakeTimeProvider? clock = null)
    {
        var previews = new ValidatedImports(clock ?? new FakeTimeProvider());
        var report = new ImportReport { FileName = "a.xlsx", TotalRows = 3 };
        previews.Keep("t1", "u1", "people", "330523", File, report);
        return (previews, report);
    }

    [Fact]
    public void TheSameBytes_UserKindAndCounty_GetThePreview_OnceOnly()
    {
        var (previews, report) = Kept();
        Assert.Same(report, previews.Take("t1", "u1", "people", "330523", [1, 2, 3, 4]));
        Assert.Null(previews.Take("t1", "u1", "people", "330523", File));
    }

    [Theory]
    [InlineData("t2", "u1", "people", "330523", false)]   // another upload
    [InlineData("t1", "u2", "people", "330523", false)]   // another user
    [InlineData("t1", "u1", "entities", "330523", false)] // another kind of import
    [InlineData("t1", "u1", "people", "330522", false)]   // another county scope
    [InlineData("t1", "u1", "people", "330523", true)]    // the stored file is not the one validated
    public void AnythingElse_GetsNothing_AndTheConfirmValidatesTheFileAgain(string token, string user, string kind, string county, bool changed)
    {
        var (previews, _) = Kept();
        Assert.Null(previews.Take(token, user, kind, county, changed ? [1, 2, 3, 5] : File));
    }

    [Fact]
    public void AForgottenPreview_IsGone()
    {
        var (previews, _) = Kept();
        previews.Forget("t1");
        Assert.Null(previews.Take("t1", "u1", "people", "330523", File));
    }

    [Fact]
    public void AnotherUsersAttempt_LeavesThePreviewForItsOwner()
    {
        var (previews, report) = Kept();
        Assert.Null(previews.Take("t1", "u2", "people", "330523", File));
        Assert.Null(previews.Take("t1", "u1", "entities", "330523", File));
        Assert.Same(report, previews.Take("t1", "u1", "people", "330523", File));
    }

    [Fact]
    public void APreview_ExpiresAfterItsLifetime_OnTheAppsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var (previews, report) = Kept(clock);
        clock.Advance(ValidatedImports.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(report, previews.Take("t1", "u1", "people", "330523", File));

        var (later, _) = Kept(clock);
        clock.Advance(ValidatedImports.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(later.Take("t1", "u1", "people", "330523", File));
    }
}
