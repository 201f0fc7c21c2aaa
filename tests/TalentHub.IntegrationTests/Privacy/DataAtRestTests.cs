using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

using TalentHub.IntegrationTests.Pages.Account;

namespace TalentHub.IntegrationTests.Privacy;

public sealed class DataAtRestTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DataDirectory_FilesAre0600_AndFoldersAre0700()
    {
        await App.LoginAsync("anji.clerk"); // databases, WAL, keys and the key ring are all written by now

        var root = App.DataDirectory;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
        var folders = Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Append(root).ToList();

        Assert.Contains(files, f => f.EndsWith("talenthub.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xml", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.All(folders, d => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(d)));
    }

    [Fact]
    public async Task KeyRing_IsEncryptedAtRest()
    {
        // Make sure a key exists, then read the ring as it sits on disk.
        App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x"u8.ToArray());
        await App.NewClient().GetAsync("/Identity/Account/Login");
        var keys = Directory.GetFiles(Path.Combine(App.DataDirectory, "keys"), "key-*.xml");

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml);
            Assert.Contains("AesGcmXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }
    }

    [Fact]
    public async Task AuthenticatorKeyAndRecoveryCodes_AreEncryptedInTheDatabase()
    {
        var clerk = await App.NewStaffAsync(TalentHub.Web.Domain.Roles.CountyClerk);
        var client = await App.LoginAsync(clerk.UserName!, StaffAccounts.Password);
        var key = await App.AuthenticatorKeyAsync(clerk.UserName!);

        var stored = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            // Raw, as a copy of the database holds them (through the model they are decrypted).
            Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQuery<string>(db.Database, $"SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" = {clerk.Id}")));

        Assert.Equal(2, stored.Count);
        Assert.All(stored, v => Assert.StartsWith("v1:", v));
        Assert.DoesNotContain(stored, v => v.Contains(key, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/People")).StatusCode);
    }
}
