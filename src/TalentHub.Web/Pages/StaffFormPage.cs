using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <inheritdoc cref="ModelStateExtensions.FieldsValid"/>
    protected bool Valid(params string[] keys) => ModelState.FieldsValid(keys);

    /// <summary>Trimmed text, or null when blank.</summary>
    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The localized message shown once on the next page.</summary>
    protected void Flash(string key, params object[] args) => TempData["Flash"] = l[key, args].Value;

    /// <summary>
    /// A create form's one-time token (<see cref="FormSubmission"/>): a new one each time the empty form is rendered,
    /// posted back in a hidden field, kept when the form comes back with errors.
    /// </summary>
    [BindProperty] [System.ComponentModel.DataAnnotations.Display(Name = "Form.SubmissionToken")]
    public Guid SubmissionToken { get; set; } = Guid.NewGuid();

    /// <summary>Whether this create form carries a <see cref="SubmissionToken"/> (the forms that save with <see cref="SaveNewOnceAsync"/>).</summary>
    protected virtual bool UsesSubmissionToken => false;

    /// <summary>
    /// Before a post's handler runs, after binding: a hidden field the form was rendered with that came back malformed (not
    /// a number, not a GUID: a tampered or damaged form) is never a silent refusal. A malformed <c>Input.Version</c> leaves
    /// the stale-edit error above the form (<c>Common.StaleEdit</c>); a missing or malformed <see cref="SubmissionToken"/>
    /// the expired-form error (<see cref="SubmissionTokenPosted"/>). Either makes the model state invalid, so nothing is saved.
    /// </summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method))
        {
            const string version = "Input.Version";
            if (ModelState.GetFieldValidationState(version) == ModelValidationState.Invalid)
            {
                ModelState.Remove(version);
                ModelState.AddModelError("", l["Common.StaleEdit"]);
            }
            if (UsesSubmissionToken && !IsEdit) SubmissionTokenPosted();
        }
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>
    /// Whether the post carried a well-formed <see cref="SubmissionToken"/> (a GUID other than all zeros). A post without
    /// one, or with a malformed one (a tampered or truncated form, a page saved from an older version), cannot be told
    /// apart from a repeat of an earlier post, so nothing is saved: false, with <c>Form.Expired</c> above the form and a
    /// fresh token in the form shown again (the user checks it and saves again). The API creates nothing through these forms.
    /// </summary>
    protected bool SubmissionTokenPosted()
    {
        var entry = ModelState[nameof(SubmissionToken)];
        if (entry is { ValidationState: not ModelValidationState.Invalid, RawValue: not null } && SubmissionToken != Guid.Empty) return true;
        ModelState.Remove(nameof(SubmissionToken));
        ModelState.AddModelError("", l["Form.Expired"]);
        SubmissionToken = Guid.NewGuid();
        return false;
    }

    /// <summary>The id of the record an earlier post of this form (its <see cref="SubmissionToken"/>) by this user created; null when none did.</summary>
    protected Task<int?> SubmittedAsync(string kind) => db.FormSubmissions.AsNoTracking()
        .Where(s => s.Token == SubmissionToken && s.Kind == kind && s.UserName == User.Identity!.Name)
        .Select(s => (int?)s.RecordId).FirstOrDefaultAsync();

    /// <summary>
    /// Adds and saves a new aggregate of a table without a natural unique key (courses, examples) together with this
    /// form's <see cref="SubmissionToken"/>, in one transaction, and returns the id of the record the form created:
    /// this one, or, when another post of the same form got there first (the token's key refuses this one, and nothing
    /// of this post is written), that one. Two tabs, a retry and two simultaneous posts make one record.
    /// </summary>
    /// <param name="entity">The new aggregate.</param>
    /// <param name="id">Its generated id, read after the insert.</param>
    /// <param name="kind">What the form creates (<see cref="FormKinds"/>).</param>
    /// <param name="now">The instant recorded with the token.</param>
    /// <exception cref="DbUpdateException">The save failed for another reason.</exception>
    protected async Task<int> SaveNewOnceAsync<T>(T entity, Func<T, int> id, string kind, DateTimeOffset now) where T : class
    {
        db.Add(entity);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await db.SaveChangesAsync();
            try
            {
                db.FormSubmissions.Add(new FormSubmission { Token = SubmissionToken, Kind = kind, RecordId = id(entity), UserName = User.Identity!.Name!, CreatedAt = now });
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return id(entity);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
            }
        }
        return await SubmittedAsync(kind) ?? throw new InvalidOperationException("The form's token is taken by another user's post.");
    }

    /// <summary>
    /// Creates a new aggregate of a table with a natural unique key (a person's ID number, an entity's credit code, a
    /// program's name in its year) once per form (<see cref="SubmissionToken"/>). Returns the id of the record this form
    /// created, or null when the input is refused: its errors are in the model state and the page shows the form again.
    /// The same form posted again (a double tap, the back button, two posts at once) returns the record its first post
    /// created rather than "already registered" about that very record: looked up before building, again when the input
    /// is refused (the other post may be what took the value) and when the unique index refuses the save (review34c).
    /// </summary>
    /// <param name="kind">What the form creates (<see cref="FormKinds"/>).</param>
    /// <param name="build">Checks the input and builds the new aggregate; null when refused (its errors added).</param>
    /// <param name="id">The aggregate's generated id, read after the insert.</param>
    /// <param name="valueFree">The page's duplicate check: adds its error next to its field and returns false when the value is taken.</param>
    /// <param name="now">The instant recorded with the token.</param>
    /// <exception cref="DbUpdateException">The save failed for another reason (a unique index refused a value the check finds free).</exception>
    protected async Task<int?> CreateOnceAsync<T>(
        string kind, Func<Task<T?>> build, Func<T, int> id, Func<T, Task<bool>> valueFree, DateTimeOffset now) where T : class
    {
        if (await SubmittedAsync(kind) is { } earlier) return earlier;
        if (await build() is not { } entity || !ModelState.IsValid) return await SubmittedAsync(kind);
        try
        {
            return await SaveNewOnceAsync(entity, id, kind, now);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            if (await SubmittedAsync(kind) is { } other) return other;
            if (await valueFree(entity)) throw;
            return null;
        }
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

    /// <summary>True after <see cref="SaveEditAsync"/> found nothing changed (and wrote nothing).</summary>
    protected bool NothingChanged { get; private set; }

    /// <summary>The flash after an edit's save: <paramref name="key"/>, or "Nothing was changed" when <see cref="NothingChanged"/>.</summary>
    protected void FlashSaved(string key, params object[] args)
    {
        if (NothingChanged) Flash("Common.NothingChanged");
        else Flash(key, args);
    }

    /// <summary>
    /// Saves an edit only if the stored row still has <paramref name="version"/> (the one the form was shown with);
    /// false, with the stale-edit error above the form, when someone saved it meanwhile. When a unique index refuses
    /// the change, nothing is written and the page's <paramref name="duplicateCheck"/> runs again (its error next to
    /// its field); if the value is free, the other writer changed this aggregate (the stale-edit error). When the form
    /// changed nothing (no tracked change), nothing is written and <see cref="NothingChanged"/> is set: true then.
    /// </summary>
    /// <exception cref="DbUpdateException">The save failed for another reason.</exception>
    protected async Task<bool> SaveEditAsync<T>(T entity, int version, Func<Task<bool>>? duplicateCheck = null) where T : class, IVersioned
    {
        // A form saved as it was shown changes nothing: nothing is written (no audit entry, no new version for another tab to trip on).
        if (!db.ChangeTracker.HasChanges())
        {
            NothingChanged = true;
            return true;
        }
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
