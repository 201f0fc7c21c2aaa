using TalentHub.Web.Services;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Admin.Users;

/// <summary>
/// Every account, staff first: filter by role, county and name; one COUNT and one paged projection.
/// A farmer's user name is a keyed hash of their mobile, so farmers are shown by display name only.
/// </summary>
[Authorize(Policy = Policies.CityManager)]
public sealed class IndexModel(TalentHubDbContext db, TimeProvider clock, RegionDirectory regions,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(string Id, string? UserName, string DisplayName, string? Role, string? Region, string? County,
        DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil, bool CanEdit)
    {
        public bool IsFarmer => Role == Roles.Farmer;
        /// <summary>Locked by an administrator (not just for a while after failed logins).</summary>
        public bool LockedIndefinitely => LockedUntil?.Year > 9000;
    }

    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [PageQuery] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool Filtered => !string.IsNullOrEmpty(Role) || !string.IsNullOrEmpty(County) || !string.IsNullOrWhiteSpace(Q);

    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?> { ["Role"] = Role, ["County"] = County, ["Q"] = Q };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Select(u => new
        {
            User = u,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
        });
        if (!string.IsNullOrEmpty(Role))
        {
            if (!Roles.All.Contains(Role)) ModelState.Refuse(nameof(Role), l);
            query = query.Where(x => x.Role == Role);
        }
        if (!string.IsNullOrEmpty(County) && ModelState.CheckRegion(nameof(County), County, RegionLevel.County, await regions.GetAsync(ct), null, l))
        {
            var prefix = County[..6];
            query = query.Where(x => x.User.RegionCode != null && x.User.RegionCode.StartsWith(prefix));
        }
        if (ModelState.Refused()) query = query.Where(x => false);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            var upper = text.ToUpperInvariant();
            // A farmer's user name means nothing to anyone: match their display name only.
            query = query.Where(x => x.User.DisplayName.Contains(text) || (x.Role != Roles.Farmer && x.User.NormalizedUserName!.Contains(upper)));
        }

        var paged = await Paged.ReadAsync(query.OrderBy(x => x.Role == Roles.Farmer).ThenBy(x => x.User.DisplayName).ThenBy(x => x.User.Id),
            PageNumber, PageSize,
            users => users.Select(x => new { x.User.Id, x.User.UserName, x.User.DisplayName, x.Role, x.User.RegionCode, x.User.CreatedAt, x.User.LockoutEnd }),
            ct);
        (PageNumber, Total) = (paged.Number, paged.Total);
        var page = paged.Items;

        var codes = page.Select(u => u.RegionCode).OfType<string>().Where(RegionCodes.IsValid)
            .SelectMany(c => new[] { c, RegionCodes.CountyOf(c) }).OfType<string>().Distinct().ToList();
        var tree = await regions.GetAsync(ct);
        var names = codes.Where(c => tree.Find(c) is not null).ToDictionary(c => c, c => tree.NameOf(c)!);
        var now = clock.GetUtcNow();
        var isAdmin = User.IsInRole(Roles.Admin);

        Rows = page.Select(u =>
        {
            var region = u.RegionCode is { } code ? names.GetValueOrDefault(code) : null;
            var county = u.RegionCode is { } c && RegionCodes.IsValid(c) && RegionCodes.LevelOf(c) > RegionLevel.County
                ? names.GetValueOrDefault(RegionCodes.CountyOf(c)!) : null;
            return new Row(u.Id, u.Role == Roles.Farmer ? null : u.UserName, u.DisplayName, u.Role, region, county, u.CreatedAt,
                u.LockoutEnd > now ? u.LockoutEnd : null, isAdmin || u.Role != Roles.Admin);
        }).ToList();
    }
}
