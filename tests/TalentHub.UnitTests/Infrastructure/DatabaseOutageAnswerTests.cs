using Microsoft.AspNetCore.Http;
using TalentHub.Web.Infrastructure;

namespace TalentHub.UnitTests.Infrastructure;

/// <summary>The outage page's "try again" link stays on the site.</summary>
public sealed class DatabaseOutageAnswerTests
{
    private static HttpRequest Request(string method, string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void AGet_IsTriedAgainAtTheSameAddress() =>
        Assert.Equal("/People?q=%E7%8E%8B", DatabaseOutageAnswer.TryAgainUrl(Request("GET", "/People", "?q=%E7%8E%8B")));

    [Fact]
    public void APost_LeadsHome() => Assert.Equal("/", DatabaseOutageAnswer.TryAgainUrl(Request("POST", "/People/Create")));

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    public void APathThatWouldLeaveTheSite_LeadsHome(string path) =>
        Assert.Equal("/", DatabaseOutageAnswer.TryAgainUrl(Request("GET", path, "?a=1")));
}
