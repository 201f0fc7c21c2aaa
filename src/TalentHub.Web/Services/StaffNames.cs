using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.Web.Services;

/// <summary>
/// The names people know staff by, for records that store who acted as a login (<c>User.Identity.Name</c>: a follow-up's
/// RecordedBy, an example's ProposedBy/DecidedBy): shown as the account's display name ("安吉县农业农村局 周立新"), as the
/// roster and the entity history show people. A login with no account any more, or with no display name, shows as stored;
/// so does anything that is not a login (a farmer's display name, "system"). Logins match case-insensitively (Identity's
/// normalised user name).
/// </summary>
public sealed class StaffNames
{
    private readonly Dictionary<string, string> _byLogin;

    private StaffNames(Dictionary<string, string> byLogin) => _byLogin = byLogin;

    /// <summary>Reads the display names of <paramref name="logins"/> (nulls and blanks ignored) in one query.</summary>
    public static async Task<StaffNames> LoadAsync(TalentHubDbContext db, IEnumerable<string?> logins, CancellationToken ct = default)
    {
        var wanted = logins.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0) return new([]);
        var rows = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName != null && wanted.Contains(u.NormalizedUserName))
            .Select(u => new { Login = u.NormalizedUserName!, u.DisplayName }).ToListAsync(ct);
        return new(rows.Where(r => !string.IsNullOrWhiteSpace(r.DisplayName)).ToDictionary(r => r.Login, r => r.DisplayName.Trim()));
    }

    /// <summary>The display name of one login (<see cref="LoadAsync"/> for one); null stays null.</summary>
    public static async Task<string?> OfAsync(TalentHubDbContext db, string? login, CancellationToken ct = default) =>
        login is null ? null : (await LoadAsync(db, [login], ct)).Of(login);

    /// <summary>The display name of <paramref name="login"/>, or the login itself when no account with a display name has it; "" for null.</summary>
    public string Of(string? login) =>
        string.IsNullOrWhiteSpace(login) ? login ?? "" : _byLogin.TryGetValue(login.ToUpperInvariant(), out var name) ? name : login;
}
