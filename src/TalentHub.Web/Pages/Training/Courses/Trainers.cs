using Microsoft.AspNetCore.Identity;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;

namespace TalentHub.Web.Pages.Training.Courses;

/// <summary>The users in the Trainer role, by user name, with the name people know them by.</summary>
public static class Trainers
{
    public sealed record Trainer(string UserName, string DisplayName);

    public static async Task<IReadOnlyList<Trainer>> AllAsync(UserManager<AppUser> users) =>
        (await users.GetUsersInRoleAsync(Roles.Trainer))
            .Where(u => u.UserName is not null)
            .Select(u => new Trainer(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName))
            .OrderBy(t => t.UserName, StringComparer.Ordinal).ToList();

    public static string NameOf(IReadOnlyList<Trainer> trainers, string? userName) =>
        userName is null ? "—" : trainers.FirstOrDefault(t => t.UserName == userName)?.DisplayName ?? userName;
}
