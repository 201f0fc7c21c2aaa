using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Reports;

namespace TalentHub.UnitTests.Domain.Reports;

/// <summary>The typical example's rules: its text, maker-checker, one decision, a reason to reject.</summary>
public sealed class TypicalExampleTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static TypicalExample Propose(string title = "返乡创业", string story = "带动农户增收。", byte[]? photo = null) =>
        TypicalExample.Propose(ExampleSubject.Person, 7, "330523108204", "330523000000", title, story, photo ?? [1, 2, 3], "anji.officer", Now);

    [Theory]
    [InlineData("", "故事", "Example.TitleRequired")]
    [InlineData("标题", "  ", "Example.StoryRequired")]
    [InlineData("联系13812345678", "故事", "Example.NoNumbers")]
    [InlineData("标题", "身份证330523199001011234", "Example.NoNumbers")]
    [InlineData("标题", "电话 138 1234 5678", "Example.NoNumbers")]
    [InlineData("标题", "电话138-1234-5678", "Example.NoNumbers")]
    [InlineData("标题", "电话\uFF11\uFF13\uFF18\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "Example.NoNumbers")]
    public void Text_IsChecked(string title, string story, string key) =>
        Assert.Equal(key, Assert.Throws<DomainException>(() => Propose(title, story)).MessageKey);

    [Theory]
    [InlineData("2024-01-01 - 2024-12-31 增收 30000 元")]
    [InlineData("种植 120 亩，带动 35 户")]
    public void OrdinaryFiguresAndDates_AreAllowed(string story) => Assert.Equal(story, Propose(story: story).Story);

    [Fact]
    public void LengthsAndPhoto_AreChecked()
    {
        Assert.Equal("Example.TitleTooLong", Assert.Throws<DomainException>(() => Propose(new string('农', TypicalExample.TitleMax + 1))).MessageKey);
        Assert.Equal("Example.StoryTooLong", Assert.Throws<DomainException>(() => Propose(story: new string('农', TypicalExample.StoryMax + 1))).MessageKey);
        Assert.Equal("Example.PhotoRequired", Assert.Throws<DomainException>(() => Propose(photo: [])).MessageKey);
        var ok = Propose(new string('农', TypicalExample.TitleMax), "种粮 2026 年增产。");
        Assert.Equal(ExampleStatus.Pending, ok.Status);
        Assert.Equal(7, ok.PersonId);
        Assert.Null(ok.EntityId);
    }

    [Fact]
    public void TheProposer_MayNotDecide_AnotherOfficerApprovesOnce()
    {
        var example = Propose();
        Assert.Equal("Example.OwnProposal", Assert.Throws<DomainException>(() => example.Approve("ANJI.officer", Now)).MessageKey);

        example.Approve("city.officer", Now.AddHours(1));

        Assert.Equal(ExampleStatus.Approved, example.Status);
        Assert.Equal("city.officer", example.DecidedBy);
        Assert.Equal(Now.AddHours(1), example.DecidedAt);
        Assert.Equal("Example.AlreadyDecided", Assert.Throws<DomainException>(() => example.Reject("city.officer", "迟了", Now)).MessageKey);
    }

    [Fact]
    public void Reject_NeedsAReason()
    {
        var example = Propose();
        Assert.Equal("Example.ReasonRequired", Assert.Throws<DomainException>(() => example.Reject("city.officer", " ", Now)).MessageKey);
        Assert.Equal(ExampleStatus.Pending, example.Status);

        example.Reject("city.officer", "照片不清晰", Now);

        Assert.Equal(ExampleStatus.Rejected, example.Status);
        Assert.Equal("照片不清晰", example.RejectReason);
    }

    [Fact]
    public void Problems_NamesEveryBrokenRule_OnePerField()
    {
        var problems = TypicalExample.Problems(" ", "电话13812345678", []);

        Assert.Equal([("Example.TitleRequired", "Title"), ("Example.NoNumbers", "Story"), ("Example.PhotoRequired", "Photo")],
            problems.Select(p => (p.MessageKey, p.Field)));
        Assert.Empty(TypicalExample.Problems("标题", "故事", [1]));
    }
}
