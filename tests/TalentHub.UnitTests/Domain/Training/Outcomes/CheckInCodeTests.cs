using Microsoft.Extensions.Time.Testing;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

public sealed class CheckInCodeTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 5, 1, 0, 0, TimeSpan.Zero); // 09:00 Shanghai
    private static readonly DateTimeOffset End = Start.AddHours(3);
    private const string Secret = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA="; // RFC 6238's SHA-1 seed "12345678901234567890"

    [Fact]
    public void For_MatchesTheRfc6238TestVectorTruncatedToSixDigits()
    {
        // RFC 6238 Appendix B: T = 59 s with a 30 s step is counter 1 → 94287082 (8 digits), so 287082 in 6.
        Assert.Equal("287082", CheckInCode.For(Secret, 1));
    }

    [Fact]
    public void A_code_typed_with_spaces_inside_is_the_code()
    {
        var now = Start.AddMinutes(5);
        var code = CheckInCode.Current(Secret, now);

        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, code[..3] + " " + code[3..], now));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, code[..3] + "\u3000" + code[3..], now));
    }

    [Fact]
    public void Code_RotatesEveryFiveMinutes_AndIsStableWithinAWindow()
    {
        var clock = new FakeTimeProvider(Start);
        var first = CheckInCode.Current(Secret, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.Equal(first, CheckInCode.Current(Secret, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(first, CheckInCode.Current(Secret, clock.GetUtcNow()));
    }

    [Fact]
    public void Check_AcceptsTheCurrentAndThePreviousCode_AndCallsOlderOnesExpired()
    {
        var clock = new FakeTimeProvider(Start.AddMinutes(20));
        var old = CheckInCode.Current(Secret, clock.GetUtcNow());
        clock.Advance(CheckInCode.Step);
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, old, clock.GetUtcNow()));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(Secret, clock.GetUtcNow()), clock.GetUtcNow()));
        clock.Advance(CheckInCode.Step);
        Assert.Equal(CheckInVerdict.Expired, CheckInCode.Check(Secret, Start, End, old, clock.GetUtcNow()));
    }

    [Fact]
    public void Check_IsValidFromThirtyMinutesBeforeTheStartUntilTheEnd()
    {
        var opens = Start - CheckInCode.OpensBefore;
        Assert.Equal(CheckInVerdict.NotOpenYet, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(Secret, opens.AddSeconds(-1)), opens.AddSeconds(-1)));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(Secret, opens), opens));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(Secret, End), End));
        var after = End.AddSeconds(1);
        Assert.Equal(CheckInVerdict.Expired, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(Secret, after), after));
    }

    [Fact]
    public void Check_AcceptsFullWidthDigitsAndInvisibleCharacters_AsAChineseInputMethodTypesThem()
    {
        var now = Start.AddMinutes(20);
        var code = CheckInCode.Current(Secret, now);
        var fullWidth = string.Concat(code.Select(c => (char)(c - '0' + '\uFF10')));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, fullWidth, now));
        Assert.Equal(CheckInVerdict.Valid, CheckInCode.Check(Secret, Start, End, "\u3000" + code[..3] + "\u200B" + code[3..], now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData(null)]
    public void Check_RefusesMalformedCodesAsWrong(string? typed) =>
        Assert.Equal(CheckInVerdict.Wrong, CheckInCode.Check(Secret, Start, End, typed, Start));

    [Fact]
    public void Check_ACodeOfAnotherSessionIsWrong()
    {
        var other = CheckInCode.NewSecret();
        Assert.Equal(CheckInVerdict.Wrong, CheckInCode.Check(Secret, Start, End, CheckInCode.Current(other, Start) == CheckInCode.Current(Secret, Start)
            ? "000000" : CheckInCode.Current(other, Start), Start));
    }

    [Fact]
    public void MarkAt_IsLateOnlyAfterTheFifteenMinuteGrace()
    {
        Assert.Equal(AttendanceMark.Present, CheckInCode.MarkAt(Start, Start.AddMinutes(-20)));
        Assert.Equal(AttendanceMark.Present, CheckInCode.MarkAt(Start, Start + CheckInCode.LateAfter));
        Assert.Equal(AttendanceMark.Late, CheckInCode.MarkAt(Start, Start + CheckInCode.LateAfter + TimeSpan.FromSeconds(1)));
    }
    [Theory]
    [InlineData(-3 * 24 * 60, false)]   // three days ahead
    [InlineData(-9 * 60 - 1, false)]    // 23:59 Shanghai the evening before (09:00 start)
    [InlineData(-9 * 60, true)]         // 00:00 Shanghai on the day
    [InlineData(-60, true)]             // 08:00, before check-in opens (08:30): the day counts
    [InlineData(0, true)]
    [InlineData(15 * 60 - 1, true)]     // 23:59 on the day (after the end: the caller refuses an ended session)
    public void MayStart_OnlyOnTheSessionsOwnShanghaiDay(int minutesFromStart, bool expected)
    {
        // fix37: check-in could be started days before the session.
        Assert.Equal(expected, CheckInCode.MayStart(Start, End, Start.AddMinutes(minutesFromStart)));
    }

    [Fact]
    public void MayStart_ASessionRunningPastMidnight_WhileItsCheckInIsOpen()
    {
        var start = new DateTimeOffset(2027, 3, 5, 15, 50, 0, TimeSpan.Zero); // 23:50 Shanghai
        var end = start.AddHours(2);

        Assert.True(CheckInCode.MayStart(start, end, start.AddMinutes(20)));   // 00:10 the next day, still open
        Assert.True(CheckInCode.MayStart(start, end, start.AddMinutes(-30)));  // 23:20, check-in open
        Assert.False(CheckInCode.MayStart(start, end, start.AddHours(-24)));   // the day before
    }
}
