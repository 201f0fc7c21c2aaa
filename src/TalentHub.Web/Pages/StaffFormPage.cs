using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages;

/// <summary>
/// The one base for staff create and edit pages: the bound input, domain calls whose broken rule becomes a
/// localized error next to its field, text cleaning, the flash message after a save, and saving an edit with the
/// <see cref="IVersioned.Version"/> the form was shown with (a concurrent change becomes the stale-edit error).
/// <c>CreatedAt</c>, <c>UpdatedAt</c> and <c>Version</c> are stamped by <see cref="StampsInterceptor"/>.
/// </summary>
/// <typeparam name="TInput">The form's fields as posted.</typeparam>
public abstract class StaffFormPage<TInput>(TalentHubDbContext db, IStringLocalizer<SharedResource> l) : PageModel
    where TInput : new()
{
    [BindProperty] public TInput Input { get; set; } = new();

    /// <summary>True on the edit page, false on the create page (the shared form partial reads it).</summary>
    public abstract bool IsEdit { get; }

    protected TalentHubDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;

    /// <summary>
    /// Runs a domain call; a <see cref="DomainException"/> becomes its localized message next to
    /// <paramref name="field"/> when given, else next to "Input." + the exception's field. True when the call passed.
    /// </summary>
    protected bool Try(Action action, string? field = null)
    {
        try { action(); return true; }
        catch (DomainException ex) { AddError(ex, field); return false; }
    }

    /// <inheritdoc cref="Try(Action, string?)"/>
    protected async Task<bool> TryAsync(Func<Task> action, string? field = null)
    {
        try { await action(); return true; }
        catch (DomainException ex) { AddError(ex, field); return false; }
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The localized message shown once on the next page.</summary>
    protected void Flash(string key, params object[] args) => TempData["Flash"] = l[key, args].Value;

    /// <summary>Adds and saves a new aggregate whose table has no unique index besides its key (courses, examples).</summary>
    protected async Task SaveNewAsync<T>(T entity) where T : class
    {
        db.Add(entity);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Adds a new aggregate and saves it; true when saved. When a unique index refuses it (another user saved the same
    /// value after <paramref name="duplicateCheck"/> passed on this request), nothing is written: the changes are
    /// dropped and the page's own check runs again, putting its localized error next to its field; false then.
    /// </summary>
    /// <param name="entity">The new aggregate.</param>
    /// <param name="duplicateCheck">The page's duplicate check: adds its error and returns false when the value is taken.</param>
    /// <exception cref="DbUpdateException">The save failed for another reason (the check still passes).</exception>
    protected async Task<bool> SaveNewAsync<T>(T entity, Func<Task<bool>> duplicateCheck) where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            if (!await duplicateCheck()) return false;
            throw;
        }
    }

    /// <summary>
    /// Saves an edit only if the stored row still has <paramref name="version"/> (the one the form was shown with);
    /// false, with the stale-edit error above the form, when someone saved it meanwhile. When a unique index refuses
    /// the change, nothing is written and the page's <paramref name="duplicateCheck"/> runs again (its error next to
    /// its field); if the value is free, the other writer changed this aggregate (the stale-edit error).
    /// </summary>
    /// <exception cref="DbUpdateException">The save failed for another reason.</exception>
    protected async Task<bool> SaveEditAsync<T>(T entity, int version, Func<Task<bool>>? duplicateCheck = null) where T : class, IVersioned
    {
        db.ExpectVersion(entity, version);
        var key = db.Entry(entity).Metadata.FindPrimaryKey()!.Properties.Select(p => db.Entry(entity).Property(p.Name).CurrentValue).ToArray();
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return false;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            if (duplicateCheck is not null && !await duplicateCheck()) return false;
            if (await db.FindAsync<T>(key) is { } stored && stored.Version == version) throw;
            ModelState.AddModelError("", l["Common.StaleEdit"]);
            return false;
        }
    }

    private void AddError(DomainException ex, string? field)
    {
        if (field is null) ModelState.AddDomainError(ex, l);
        else ModelState.AddModelError(field, l[ex.MessageKey, ex.Args]);
    }
}
