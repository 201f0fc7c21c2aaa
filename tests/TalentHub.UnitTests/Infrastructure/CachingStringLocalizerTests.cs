using TalentHub.UnitTests.Builders;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>
/// The remembered strings (issue 12) answer exactly as the resource files do: per UI culture, formatted in the current
/// culture, and a missing name still comes back as itself, marked not found.
/// </summary>
public sealed class CachingStringLocalizerTests
{
    private static readonly ResourceManagerStringLocalizerFactory Resources = Texts.Factory();

    private static IStringLocalizer Cached() =>
        new StringLocalizer<SharedResource>(new CachingStringLocalizerFactory(Resources));

    [Fact]
    public void AString_ReadInOneCulture_IsNotServedInTheOther()
    {
        var cached = Cached();

        var zh = In("zh-CN", () => cached["Nav.Logout"].Value);
        var en = In("en", () => cached["Nav.Logout"].Value);
        var zhAgain = In("zh-CN", () => cached["Nav.Logout"].Value);

        Assert.Equal("退出", zh);
        Assert.Equal("Log out", en);
        Assert.Equal(zh, zhAgain);
    }

    [Fact]
    public void Arguments_AreFormattedIntoTheCultureString_EachTime()
    {
        var cached = Cached();

        Assert.Equal("3 条未读消息", In("zh-CN", () => cached["Messages.UnreadCount", 3].Value));
        Assert.Equal("42 unread messages", In("en", () => cached["Messages.UnreadCount", 42].Value));
        Assert.Equal("5 unread messages", In("en", () => cached["Messages.UnreadCount", 5].Value));
    }

    [Fact]
    public void AMissingName_ComesBackAsItself_MarkedNotFound_AndIsFoundLaterIfAsked()
    {
        var cached = Cached();

        var missing = In("en", () => cached["No.Such.Resource"]);

        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.Resource", missing.Value);
        Assert.False(In("en", () => cached["App.Name"]).ResourceNotFound);
    }

    [Fact]
    public void TheFactory_HandsOutOneLocalizerPerResourceType()
    {
        var factory = new CachingStringLocalizerFactory(Resources);

        Assert.Same(factory.Create(typeof(SharedResource)), factory.Create(typeof(SharedResource)));
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return read(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
    }
}
