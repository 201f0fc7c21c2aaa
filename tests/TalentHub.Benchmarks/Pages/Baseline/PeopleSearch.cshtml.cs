using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using TalentHub.Benchmarks.Baseline;
using TalentHub.Web.Data;
using TalentHub.Web.Services.People;

namespace TalentHub.Benchmarks.Pages.Baseline;

/// <summary>
/// <c>bound.people-search</c>: the least any signed-in name search can cost on this stack. The
/// <c>baseline.signed-in</c> page (cookie ticket, authorization, a sign-out form's antiforgery token) whose 12 fortunes
/// are replaced by the registry list's own statements (<see cref="PeopleListSqlite.ReadPage"/>: the page with its total
/// by name bigram, pinyin order, then the shown people's categories) on a pooled raw connection, rendered as a bare
/// table. Left out, and so not in this figure: the app's layout and navigation, decrypting and masking ID numbers and
/// mobiles, region names, the session's security-stamp check, EF's context lease, localization.
/// </summary>
[Authorize]
public sealed class PeopleSearchModel(BoundSource source) : PageModel
{
    public IReadOnlyList<PeopleListItem> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <param name="q">the name fragment (two or more characters)</param>
    /// <param name="scope">a county code for a county officer's scope, empty for the city</param>
    public async Task OnGetAsync(string q, string? scope)
    {
        var criteria = new PeopleFilter.Criteria(null, null, null, null, null, null, null, null, TalentHub.Web.Data.PersonNameGram.Of(q), q,
            PeopleFilter.SortKey.Name, false);
        await using var connection = new SqliteConnection(source.ConnectionString);
        await connection.OpenAsync();
        Pinyin.Register(connection);
        var (where, parameters) = PeopleListSqlite.Where(criteria, string.IsNullOrEmpty(scope) ? null : scope);
        (Rows, Total) = PeopleListSqlite.ReadPage(connection, where, parameters, PeopleListSqlite.Order(criteria), 1, 20, stored => stored);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync();
        return RedirectToPage();
    }
}
