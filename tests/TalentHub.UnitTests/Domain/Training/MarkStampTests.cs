using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training;

public sealed class MarkStampTests
{
    [Fact]
    public void AStoredMark_RoundTripsThroughItsText_AsUtcTicks()
    {
        var at = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var stamp = MarkStamp.Of(AttendanceMark.Late, at);

        Assert.Equal($"Late@{at.UtcTicks}", stamp.ToString());
        Assert.True(MarkStamp.TryParse(stamp.ToString(), out var read));
        Assert.Equal(stamp, read);
        Assert.Equal(MarkStamp.Of(AttendanceMark.Late, at.ToUniversalTime()), stamp);
    }

    [Fact]
    public void NoMark_IsNone()
    {
        Assert.Equal("none", MarkStamp.Of(null, null).ToString());
        Assert.True(MarkStamp.TryParse("none", out var read));
        Assert.Equal(MarkStamp.None, read);
        Assert.NotEqual(MarkStamp.None, MarkStamp.Of(AttendanceMark.Absent, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("638712345678901234")]
    [InlineData("0@638712345678901234")]
    [InlineData("42@638712345678901234")]
    [InlineData("present@638712345678901234")]
    [InlineData("Present@")]
    [InlineData("Present@-5")]
    [InlineData("Present@ 5")]
    [InlineData("Present@12x")]
    [InlineData("@12")]
    public void ATamperedStamp_CannotBeRead(string? text) => Assert.False(MarkStamp.TryParse(text, out _));
}
