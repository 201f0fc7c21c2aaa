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
        var paged = await Paged.ReadAsync(await FilteredAsync(ct), PageNumber, PageSize, Project, ct);
        (PageNumber, Total) = (paged.Number, paged.Total);
        Rows = await RowsAsync(paged.Items, ct);
    }

    /// <summary>
    /// <c>/Admin/Users?handler=Export&amp;format=xlsx|csv&amp;{filters}</c>: every account the filters match (all pages, in the
    /// list's order) as the page shows it (a farmer by display name only), audited. A refused filter sends no file: back to
    /// the list, which marks the value; a format other than xlsx or csv is a 400.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] Services.Audit.AuditLog audit, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var query = await FilteredAsync(ct);
        if (ModelState.Refused()) return Redirect("/Admin/Users" + Microsoft.AspNetCore.Http.QueryString.Create(Request.Query.Where(q => q.Key is not ("handler" or "format"))));
        var rows = await RowsAsync(await Project(query).ToListAsync(ct), ct);
        var sheet = new Services.Spreadsheets.SheetData(l["Users.Title"],
            [l["Users.DisplayName"], l["Users.UserName"], l["Users.Role"], l["Users.Region"], l["Users.County"], l["Users.Status"],
                l["Users.LockEnd"], l["Users.CreatedAt"]],
            // The status is a word; a lock's end is its own date column (a date cell in xlsx, ISO 8601 in csv), empty for an
            // account locked by an administrator (until unlocked). The county of every county-scoped account, its own too.
            rows.Select(u => (IReadOnlyList<object?>)[u.DisplayName, u.IsFarmer ? l["Users.FarmerLogin"].Value : u.UserName ?? "",
                u.Role is null ? "" : l["Role." + u.Role].Value, u.Region ?? "", u.County ?? "",
                u.LockedUntil is null ? l["Users.Active"].Value : l["Users.Locked"].Value,
                u.LockedUntil is { } until && !u.LockedIndefinitely ? until : null,
                DateOnly.FromDateTime(u.CreatedAt.ToShanghai().DateTime)]));
        audit.Record(AuditAction.Export, "User", null, new Services.Audit.AuditNote().With(Services.Audit.AuditNoteKeys.Format, format)
            .With(Services.Audit.AuditNoteKeys.Rows, rows.Count).With(Services.Audit.AuditNoteKeys.Role, Role).With(Services.Audit.AuditNoteKeys.County, County)
            .With(Services.Audit.AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Q) ? null : Services.Spreadsheets.ExportLinks.MaskSearch(Q)));
        await db.SaveChangesAsync(ct);
        return Services.Spreadsheets.ExportLinks.File(sheet,
            await Services.Spreadsheets.ExportLinks.NameAsync(l, "Download.Users", regions, County, clock, ct), csv: format == "csv");
    }

    /// <summary>The export link for <paramref name="format"/> (xlsx or csv) with the current filters.</summary>
    public string ExportUrl(string format) => Services.Spreadsheets.ExportLinks.HandlerUrl("/Admin/Users", Query, format);

    /// <summary>An account with its role (an object initializer, not a constructor: EF Core translates filters on its members).</summary>
    private sealed class Listed
    {
        public required AppUser User { get; init; }
        public string? Role { get; init; }
    }
    private sealed record Read(string Id, string? UserName, string DisplayName, string? Role, string? RegionCode, DateTimeOffset CreatedAt, DateTimeOffset? LockoutEnd);

    private static IQueryable<Read> Project(IQueryable<Listed> users) =>
        users.Select(x => new Read(x.User.Id, x.User.UserName, x.User.DisplayName, x.Role, x.User.RegionCode, x.User.CreatedAt, x.User.LockoutEnd));

    /// <summary>The accounts the filters match, staff first then by display name (none when a filter value was refused).</summary>
    private async Task<IQueryable<Listed>> FilteredAsync(CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Select(u => new Listed
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

        return query.OrderBy(x => x.Role == Roles.Farmer).ThenBy(x => x.User.DisplayName).ThenBy(x => x.User.Id);
    }

    /// <summary>The accounts as rows: region and county named (a county account's county is its region), lockout only while it lasts.</summary>
    private async Task<List<Row>> RowsAsync(IReadOnlyList<Read> page, CancellationToken ct)
    {
        var codes = page.Select(u => u.RegionCode).OfType<string>().Where(RegionCodes.IsValid)
            .SelectMany(c => new[] { c, RegionCodes.CountyOf(c) }).OfType<string>().Distinct().ToList();
        var tree = await regions.GetAsync(ct);
        var names = codes.Where(c => tree.Find(c) is not null).ToDictionary(c => c, c => tree.NameOf(c)!);
        var now = clock.GetUtcNow();
        var isAdmin = User.IsInRole(Roles.Admin);

        return page.Select(u =>
        {
            var region = u.RegionCode is { } code ? names.GetValueOrDefault(code) : null;
            var county = u.RegionCode is { } c && RegionCodes.IsValid(c) && RegionCodes.LevelOf(c) >= RegionLevel.County
                ? names.GetValueOrDefault(RegionCodes.CountyOf(c)!) : null;
            return new Row(u.Id, u.Role == Roles.Farmer ? null : u.UserName, u.DisplayName, u.Role, region, county, u.CreatedAt,
                u.LockoutEnd > now ? u.LockoutEnd : null, isAdmin || u.Role != Roles.Admin);
        }).ToList();
    }
}
