using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Services;
using TalentHub.Web.Services.People;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Infrastructure.Security;

namespace TalentHub.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Farmers sign up with mobile number, name and ID number: an existing registry record with the
/// same ID number, name and mobile on file (compared by keyed hash) is linked, without any change to
/// it; any other match is refused with a pointer to the county bureau. Otherwise a new record is
/// created in the chosen village. Sign-up posts are limited per client address (RequestLimits).
/// </summary>
public sealed class RegisterModel(
    TalentHubDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    PersonalDataProtector protector,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l,
    PasswordWorkGate gate) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>
    /// Where the farmer was going when the log-in page sent them here (a course's "log in to enroll"): they land there after
    /// signing up, as after logging in, instead of on the home page (rev37a). Local addresses only.
    /// </summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>
    /// A farmer's sign-up: 11-digit mobile (the log-in name), name, resident ID number (GB 11643; matched to a registry
    /// record or creating one), home village (12-digit code) and the password twice.
    /// </summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")] [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Person.Mobile")]
        public string Mobile { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")] [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Person.Name")]
        [Infrastructure.RealName]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")] [StringLength(40, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Person.IdNumber")]
        public string IdNumber { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Person.Village")]
        public string VillageCode { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required")] [DataType(DataType.Password)] [StringLength(128, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
        [DataType(DataType.Password)] [Compare(nameof(Password), ErrorMessage = "Register.PasswordsDiffer")]
        [Display(Name = "Register.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        string mobile = "";
        IdNumber? id = null;
        if (!string.IsNullOrEmpty(Input.Mobile) && !MobileNumber.TryParse(Input.Mobile, out mobile))
            ModelState.AddModelError("Input.Mobile", l["Person.MobileInvalid"]);
        if (!string.IsNullOrEmpty(Input.IdNumber) && !Domain.Common.IdNumber.TryParse(Input.IdNumber, clock, out id, out var idError))
            ModelState.AddModelError("Input.IdNumber", l["IdNumber." + idError]);
        else if (id is not null)
        {
            try { Person.CheckSelfRegistrationAge(id, clock.ShanghaiToday()); }
            catch (DomainException ex)
            {
                ModelState.AddModelError("Input.IdNumber", l[ex.MessageKey, ex.Args]);
                id = null;
            }
        }
        var village = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == Input.VillageCode && r.Level == RegionLevel.Village);
        if (!string.IsNullOrEmpty(Input.VillageCode) && village is null)
            ModelState.AddModelError("Input.VillageCode", l["Person.VillageInvalid"]);
        // The password policy (length, common passwords) in the same round as every other error, not after them.
        if (!string.IsNullOrEmpty(Input.Password))
        {
            var candidate = new AppUser { UserName = mobile.Length > 0 ? FarmerAccounts.UserNameFor(protector.Hash(mobile)) : null };
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, candidate, Input.Password)).Errors)
                    ModelState.AddModelError("Input.Password", error.Description);
        }
        if (!ModelState.IsValid || id is null || village is null) return Page();

        var mobileHash = protector.Hash(mobile);
        var userName = FarmerAccounts.UserNameFor(mobileHash);

        if (await users.FindByNameAsync(userName) is not null)
        {
            ModelState.AddModelError("Input.Mobile", l["Register.MobileTaken"]);
            return Page();
        }

        var now = clock.GetUtcNow();
        var idHash = protector.Hash(id.Value);
        var person = await db.People.IgnoreQueryFilters([RegionFilter.Name]).FirstOrDefaultAsync(p => p.IdNumberHash == idHash);
        // An existing record is linked only when name and mobile match what the bureau has on file and no
        // account holds it yet; the form never changes an existing record (no takeover by name + ID number).
        if (person is not null && (person.Name != TextNormalizer.Normalize(Input.Name) || person.MobileHash != mobileHash
                || await db.Users.AnyAsync(u => u.PersonId == person.Id)))
        {
            // Say nothing about the existing record: only that the county bureau can help.
            ModelState.AddModelError("Input.IdNumber", l["Register.IdNumberTaken"]);
            return Page();
        }

        // A pending import (invisible until committed) holds the number: a clear message, not a failed save.
        if (person is null && await db.People.IgnoreQueryFilters()
                .AnyAsync(p => p.IdNumberHash == idHash && EF.Property<long?>(p, ImportBatchFilter.Column) != null))
        {
            ModelState.AddModelError("Input.IdNumber", l["Person.BeingImported"]);
            return Page();
        }

        // The hash's permit before the transaction (SQLite's write lock must not wait behind other people's hashes).
        using var permit = gate.Hold(await gate.EnterAsync(HttpContext.RequestAborted));
        await using var tx = await db.Database.BeginTransactionAsync();
        AppUser user;
        IdentityResult created;
        try
        {
            if (person is null)
            {
                person = new Person { Name = Input.Name };
                person.SetIdNumber(id, idHash);
                person.SetMobile(mobile, protector.Hash);
                person.MoveTo(village.Code);
                db.People.Add(person);
                await db.SaveChangesAsync();
            }
            user = new AppUser { UserName = userName, DisplayName = person.Name, RegionCode = person.RegionCode, PersonId = person.Id, CreatedAt = now };
            created = await users.CreateAsync(user, Input.Password);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two posts of one sign-up at once (a double tap): the other one's person or account committed after this one's
            // checks. Nothing of this post is kept; it gets the answer a later repeat gets, not the error page (review34c).
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            return await TakenAsync(userName);
        }
        if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))) return await TakenAsync(userName);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return Page();
        }
        var role = await users.AddToRoleAsync(user, Roles.Farmer);
        if (!role.Succeeded)
        {
            foreach (var error in role.Errors) ModelState.AddModelError("", error.Description);
            return Page();
        }
        await tx.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = l["Register.Done"].Value;
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>
    /// The answer to a sign-up whose mobile or ID number another sign-up took meanwhile: "already registered, please log in"
    /// next to the mobile when <paramref name="userName"/> (the mobile's account) exists now, else the ID number's refusal.
    /// </summary>
    private async Task<PageResult> TakenAsync(string userName)
    {
        if (await users.FindByNameAsync(userName) is not null) ModelState.AddModelError("Input.Mobile", l["Register.MobileTaken"]);
        else ModelState.AddModelError("Input.IdNumber", l["Register.IdNumberTaken"]);
        return Page();
    }
}
