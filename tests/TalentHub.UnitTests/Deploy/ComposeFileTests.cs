using System.Reflection;
using System.Text.RegularExpressions;
using TalentHub.Web.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace TalentHub.UnitTests.Deploy;

/// <summary>
/// deploy/compose.yaml cannot run here (no Docker engine), so it is linted (issue 15 item 5): it parses, has the
/// layout the README describes, every app setting names a configuration key the app reads, every variable it uses
/// is in .env.example, and nginx balances the same app services without sticky sessions.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Deploy = RepositoryFiles.PathOf("deploy");

    /// <summary>Keys the app reads outside <see cref="TalentHubOptions"/> (by <c>IConfiguration</c> directly).</summary>
    private static readonly string[] OtherKeys =
    [
        "Database:Provider", "ConnectionStrings:Postgres", "ConnectionStrings:Sqlite",
        "TalentHub:ForwardedHeaders:KnownNetworks:*", "TalentHub:ForwardedHeaders:KnownProxies:*",
        "TalentHub:DataProtection:CertificatePath", "TalentHub:DataProtection:CertificatePassword",
    ];

    private static YamlMappingNode Compose()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    /// <summary>A service with its YAML merge keys (<c>&lt;&lt;: *app</c>) applied, as Compose applies them.</summary>
    private static Dictionary<string, YamlNode> Service(YamlMappingNode compose, string name)
    {
        var result = new Dictionary<string, YamlNode>();
        var service = (YamlMappingNode)Map(compose, "services").Children[new YamlScalarNode(name)];
        foreach (var (key, value) in service.Children)
        {
            var k = ((YamlScalarNode)key).Value!;
            if (k == "<<")
                foreach (var (inheritedKey, inherited) in ((YamlMappingNode)value).Children)
                    result.TryAdd(((YamlScalarNode)inheritedKey).Value!, inherited);
            else result[k] = value;
        }
        return result;
    }

    /// <summary>Every leaf path of <see cref="TalentHubOptions"/> as a configuration key ("TalentHub:PersonalData:HashKey"); dictionaries as ":*".</summary>
    private static IEnumerable<string> OptionKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix + ":" + property.Name;
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>)) yield return key + ":*";
            else if (t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("TalentHub", StringComparison.Ordinal) == true)
                foreach (var inner in OptionKeys(t, key)) yield return inner;
            else yield return key;
        }
    }

    private static bool Known(string key) =>
        OptionKeys(typeof(TalentHubOptions), TalentHubOptions.Section).Concat(OtherKeys).Any(known => known.EndsWith(":*", StringComparison.Ordinal)
            ? key.StartsWith(known[..^1], StringComparison.OrdinalIgnoreCase) && key.Length > known.Length - 1
            : string.Equals(known, key, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void TheLayout_IsPostgresTwoAppNodesAndNginx_WithPostgresTheOnlyNamedVolume()
    {
        var compose = Compose();

        var services = Map(compose, "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order().ToList();
        var volumes = Map(compose, "volumes").Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();

        Assert.Equal(["app1", "app2", "nginx", "postgres"], services);
        Assert.Equal(["pgdata"], volumes);
        Assert.Contains("pgdata:", Service(compose, "postgres")["volumes"].ToString());
        foreach (var app in new[] { "app1", "app2" })
        {
            var service = Service(compose, app);
            Assert.Contains("/data", ((YamlSequenceNode)service["tmpfs"]).Children.Single().ToString());
            Assert.DoesNotContain(((YamlSequenceNode)service["volumes"]).Children, v => v.ToString().StartsWith("pgdata", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryAppSetting_IsAConfigurationKeyTheAppReads_AndTheNodesHaveTheSameOnes()
    {
        var compose = Compose();
        var environments = new[] { "app1", "app2" }.Select(app => ((YamlMappingNode)Service(compose, app)["environment"]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!.Replace("__", ":", StringComparison.Ordinal), e => ((YamlScalarNode)e.Value).Value)).ToList();

        var unknown = environments[0].Keys.Where(k => !Known(k)).ToList();

        Assert.Empty(unknown);
        Assert.Equal(environments[0], environments[1]);
        Assert.Equal("Postgres", environments[0]["Database:Provider"]);
        foreach (var required in new[] { "ConnectionStrings:Postgres", "TalentHub:PersonalData:EncryptionKey", "TalentHub:PersonalData:HashKey",
                     "TalentHub:PersonalData:EncryptionKeys:2", "TalentHub:PersonalData:CurrentVersion", "TalentHub:Backup:Marker" })
            Assert.Contains(required, environments[0].Keys);
        Assert.True(Known("TalentHub:PersonalData:EncryptionKeys:3"));
        Assert.False(Known("TalentHub:PersonalData:EncryptionKeyz"));
    }

    [Fact]
    public void EveryVariable_IsInEnvExample_AndSecretsHaveNoDefaults()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "compose.yaml"));
        var example = File.ReadAllLines(Path.Combine(Deploy, ".env.example"))
            .Where(l => !l.StartsWith('#') && l.Contains('=')).Select(l => l[..l.IndexOf('=')]).ToHashSet();

        var used = Variable().Matches(compose).Select(m => (Name: m.Groups[1].Value, Operator: m.Groups[2].Value)).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, v => Assert.Contains(v.Name, example));
        Assert.All(used.Where(v => v.Name is "POSTGRES_PASSWORD" or "TALENTHUB_HASH_KEY" or "TALENTHUB_ADMIN_PASSWORD"),
            v => Assert.Equal(":?", v.Operator));
    }

    [Fact]
    public void Nginx_BalancesTheAppServices_OnTheAppsPort_WithoutStickySessions()
    {
        var nginx = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));
        var dockerfile = File.ReadAllText(RepositoryFiles.PathOf("Dockerfile"));

        var servers = UpstreamServer().Matches(nginx).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(["app1:8080", "app2:8080"], servers);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile);
        Assert.DoesNotContain("ip_hash", nginx);
        Assert.DoesNotContain("sticky", nginx.Split('\n').Where(l => !l.TrimStart().StartsWith('#')).Aggregate("", string.Concat));
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)(:\?|\?|:-|-)?")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\s*server\s+([\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
