using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Domain.Reports;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Services.Reports;

using TalentHub.Web.Domain.Common;

namespace TalentHub.Web.Pages.Reports;

/// <summary>/Reports/Targets: the CityOfficer sets each county's annual target per indicator (PRODUCT.md §7), beside live progress and schedule.</summary>
[Authorize(Policy = Policies.CityOfficer)]
public sealed class TargetsModel(TalentHubDbContext db, ReportsService reports, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>One input cell: a county's target for one indicator (empty = no target).</summary>
    public sealed class Cell
    {
        public string County { get; set; } = "";
        public Indicator Indicator { get; set; }
        [Display(Name = "Targets.Value")] public decimal? Value { get; set; }
        /// <summary>The value the page showed (a hidden field): a cell left as shown is not saved, so a stale page cannot undo another officer's save.</summary>
        [Display(Name = "Targets.Value")] public decimal? Shown { get; set; }
    }

    [Display(Name = "Targets.Year")] [BindProperty(SupportsGet = true)] public int Year { get; set; }
    /// <summary>
    /// True when the asked year could not be read or is outside 2000–2100: marked at the year field, no table to edit
    /// (review10 sibling of the calendar's month: it silently showed and edited the current year instead).
    /// </summary>
    public bool YearRefused { get; private set; }
    [BindProperty] public List<Cell> Cells { get; set; } = [];
    public IReadOnlyDictionary<string, string> CountyNames { get; private set; } = new Dictionary<string, string>();
    public ProgressBoard? Board { get; private set; }
    /// <summary>
    /// True when the dashboard has figures for <see cref="Year"/> (2000 to this year), so the page links to it; a later year's
    /// targets may be set ahead, but the dashboard refuses that year (rev36: the link led to its "give a year from 2000 to …").
    /// </summary>
    public bool HasDashboard => Year <= ReportPeriod.DayOf(clock.GetUtcNow()).Year;

    public async Task<PageResult> OnGetAsync()
    {
        YearRefused = ModelState.GetFieldValidationState(nameof(Year)) == ModelValidationState.Invalid;
        if (!YearRefused && !PlanningYears.Contains(Year) && !string.IsNullOrWhiteSpace(Request.Query[nameof(Year)]))
        {
            ModelState.AddModelError(nameof(Year), l["Target.Year"]);
            YearRefused = true;
        }
        if (YearRefused) return Page();
        if (!PlanningYears.Contains(Year)) Year = ReportPeriod.DayOf(clock.GetUtcNow()).Year;
        var targets = await reports.TargetsAsync(Year);
        await LoadAsync();
        Cells = CountyNames.Keys.SelectMany(c => Indicators.All.Select(i => new Cell
        {
            County = c, Indicator = i, Value = targets.FirstOrDefault(t => t.CountyCode == c && t.Indicator == i)?.Value,
        })).ToList();
        foreach (var cell in Cells) cell.Shown = cell.Value;
        return Page();
    }

    /// <summary>
    /// Saves the changed cells in one transaction; any refused value leaves everything as it was, with the error at its cell, and so
    /// does a cell another officer changed since the page was shown (its new value is named) or added meanwhile (the page says the data changed).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!PlanningYears.Contains(Year)) ModelState.AddModelError(nameof(Year), l["Target.Year"]);
        await LoadAsync();
        var existing = await db.Targets.Where(t => t.Year == Year && t.ProgramId == null).ToListAsync();
        var seen = new HashSet<(string, Indicator)>();
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            var key = $"Cells[{i}].Value";
            var unreadable = ModelState.TakeBindError($"Cells[{i}].County") | ModelState.TakeBindError($"Cells[{i}].Indicator");
            if (unreadable || !Request.PostedWhole($"Cells[{i}]", nameof(Cell.County), nameof(Cell.Indicator), nameof(Cell.Value))
                || !CountyNames.ContainsKey(cell.County) || !Enum.IsDefined(cell.Indicator) || !seen.Add((cell.County, cell.Indicator)))
            {
                // A cell of no county or indicator the table has, one missing a field (it read as "cleared" and deleted the
                // stored target, probe37) or one given twice (a tampered or damaged form) has no field to show an error at:
                // the error above the table, once, and nothing of this post is saved (fix37: it went to a key no one saw).
                ModelState.AddFormErrorOnce(l["Targets.UnknownCell"]);
                continue;
            }
            if (ModelState[key] is { Errors.Count: > 0 } unread)
            {
                // A value that does not read as a number (1e309, abc) names its cell like the domain's refusals (review34a: it
                // said "target: “1e309” is not a valid number." beside one of dozens of cells, in lower case in English).
                unread.Errors.Clear();
                ModelState.AddModelError(key, l["Targets.CellError", CountyNames[cell.County], l["Indicator." + cell.Indicator],
                    l["Targets.NotANumber", unread.AttemptedValue ?? ""]]);
                continue;
            }
            var current = existing.FirstOrDefault(t => t.CountyCode == cell.County && t.Indicator == cell.Indicator);
            if (ModelState.GetFieldValidationState($"Cells[{i}].Shown") == ModelValidationState.Invalid)
            {
                // The hidden value the cell was shown with came back malformed (a tampered form): nothing saved, the
                // expired-form message once, and the stored value as the new stamp, so checking and saving again works.
                ModelState.Remove($"Cells[{i}].Shown");
                if (ModelState[""]?.Errors.Any(e => e.ErrorMessage == l["Form.Expired"]) != true) ModelState.AddModelError("", l["Form.Expired"]);
                cell.Shown = current?.Value;
                continue;
            }
            // Only the cells this officer changed are written; one another officer changed since this page was shown is
            // refused with its new value (review12: a stale page's blanks deleted, and its old values overwrote, their save).
            if (cell.Value == cell.Shown) continue;
            // Already so (a double submit, the back button's resubmission, or two officers typing the same value): nothing to do.
            if (current?.Value == cell.Value) continue;
            if (current?.Value != cell.Shown)
            {
                ModelState.AddModelError(key, l["Targets.ChangedMeanwhile", current?.Value.ToString("0.##", CultureInfo.InvariantCulture) ?? "—"]);
                cell.Shown = current?.Value;
                continue;
            }
            try
            {
                if (cell.Value is null) { if (current is not null) db.Targets.Remove(current); }
                else if (current is null) db.Targets.Add(AnnualTarget.Create(Year, cell.County, cell.Indicator, cell.Value.Value));
                else if (current.Value != cell.Value) current.SetValue(cell.Value.Value);
            }
            // The message names the cell's county and indicator: the table holds dozens of cells (polish32: "a rate target
            // takes at most one decimal place" beside one of them said not which).
            catch (DomainException ex) { ModelState.AddModelError(key, l["Targets.CellError", CountyNames[cell.County], l["Indicator." + cell.Indicator], l[ex.MessageKey]]); }
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer changed or removed one of these targets between this post's read and its write (Value is the
            // concurrency token): nothing of this post is kept; the cells changed meanwhile name their new value, as above.
            db.ChangeTracker.Clear();
            return await RefuseChangedMeanwhileAsync();
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another officer added one of these targets since this post read them (the unique index on year, county
            // and indicator refused ours): nothing of this post is kept (review12: it was a 500); named as above.
            db.ChangeTracker.Clear();
            return await RefuseChangedMeanwhileAsync();
        }
        return Saved();
    }

    private RedirectToPageResult Saved()
    {
        TempData["Flash"] = l["Targets.Saved"].Value;
        return RedirectToPage(new { Year });
    }

    /// <summary>
    /// After a refused save: each cell this officer changed whose target another officer has changed since the page was shown
    /// gets the changed-meanwhile error with its new value (and shows it from now on); the stale-edit error when none has.
    /// When every changed cell already holds what this post asked for, the post that won was this same form (a double click
    /// on 保存, sent twice at once): it is answered as saved (rev36: it said someone else had changed the data).
    /// </summary>
    private async Task<IActionResult> RefuseChangedMeanwhileAsync()
    {
        var stored = await db.Targets.AsNoTracking().Where(t => t.Year == Year && t.ProgramId == null).ToListAsync();
        var named = false;
        var unsaved = false;
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            var current = stored.FirstOrDefault(t => t.CountyCode == cell.County && t.Indicator == cell.Indicator)?.Value;
            if (cell.Value == cell.Shown || current == cell.Value) continue;
            unsaved = true;
            if (current == cell.Shown) continue;
            ModelState.AddModelError($"Cells[{i}].Value", l["Targets.ChangedMeanwhile", current?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—"]);
            cell.Shown = current;
            named = true;
        }
        if (!unsaved) return Saved();
        if (!named) ModelState.AddModelError("", l["Common.StaleEdit"]);
        return Page();
    }

    private async Task LoadAsync()
    {
        var english = TalentHubCultures.IsEnglish;
        CountyNames = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).ToListAsync())
            .ToDictionary(r => r.Code, r => r.DisplayName(english));
        Board = PlanningYears.Contains(Year) ? await reports.LiveBoardAsync(Year) : null;
    }
}
