using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.UnitTests.Infrastructure.Security;

public sealed class ForwardedHeadersTests
{
    private static async Task<HttpContext> ThroughAsync(string proxy, params (string Key, string Value)[] settings)
    {
        var options = new ForwardedHeadersOptions();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        RequestLimits.ConfigureProxies(options, configuration);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.5";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, Options.Create(options))
            .Invoke(context);
        return context;
    }

    [Fact]
    public async Task AConfiguredProxy_GivesTheClientAddressAndScheme()
    {
        var context = await ThroughAsync("10.0.0.7", ("KnownProxies:0", "10.0.0.7"));

        Assert.Equal(IPAddress.Parse("203.0.113.5"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Fact]
    public async Task AConfiguredNetwork_IsTrustedToo()
    {
        var context = await ThroughAsync("10.1.2.3", ("KnownNetworks:0", "10.1.0.0/16"));

        Assert.Equal(IPAddress.Parse("203.0.113.5"), context.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("10.0.0.8")]
    [InlineData("127.0.0.1")]
    public async Task AnyOtherSender_CannotSetTheClientAddress(string sender)
    {
        var context = await ThroughAsync(sender, ("KnownProxies:0", "10.0.0.7"));

        Assert.Equal(IPAddress.Parse(sender), context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
    }
}
