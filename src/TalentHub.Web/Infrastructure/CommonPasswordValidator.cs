using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;

namespace TalentHub.Web.Infrastructure;

/// <summary>Refuses passwords found in lists of the most common passwords (ASVS 2.1.7).</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var lowered = password.Trim().ToLowerInvariant();
        var isCommon = Common.Value.Contains(lowered)
            || lowered.Distinct().Count() <= 2
            || (user.UserName is { Length: > 3 } name && lowered.Contains(name.ToLowerInvariant()));
        return Task.FromResult(isCommon
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = l["Identity.CommonPassword"] })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("TalentHub.Web.Infrastructure.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
