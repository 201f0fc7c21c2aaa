using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Training.My;

/// <summary>
/// The satisfaction survey (满意度) of a finished course, opened from the invitation in /My/Messages:
/// a rating 1–5 and an optional comment, one answer per person and course, editable for 7 days.
/// </summary>
[Authorize(Policy = Policies.Farmer)]
public sealed class SurveyModel(TalentHubDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Survey.RatingRequired")]
        [Range(1, 5, ErrorMessage = "Survey.RatingRange")]
        [Display(Name = "Survey.Rating")]
        public int? Rating { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Survey.Comment")]
        public string? Comment { get; set; }
    }

    public string CourseTitle { get; private set; } = "";
    public SurveyAnswer? Answer { get; private set; }
    public bool CanAnswer => Answer is null || Answer.CanEdit(clock.GetUtcNow());

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int courseId)
    {
        if (await FindAsync(courseId) is null) return NotFound();
        Input = new InputModel { Rating = Answer?.Rating, Comment = Answer?.Comment };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int courseId)
    {
        if (await FindAsync(courseId) is not { } enrollment) return NotFound();
        if (!CanAnswer)
        {
            // The form is no longer shown, so the refusal is said above the stored answer, whatever was posted (review12:
            // only the "can no longer be changed" notice appeared, not that this post was refused).
            ModelState.AddModelError("", l["Survey.ChangeRefused"]);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var answer = Answer is null
            ? new SurveyAnswer { EnrollmentId = enrollment.Id, CourseId = courseId, PersonId = enrollment.PersonId, AnsweredAt = now }
            : await db.SurveyAnswers.FirstAsync(a => a.Id == Answer.Id);
        try
        {
            answer.Answer(Input.Rating!.Value, Input.Comment, now);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : "Input." + e.Field, l[e.MessageKey]);
            return Page();
        }
        if (answer.Id == 0) db.SurveyAnswers.Add(answer);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (answer.Id == 0 && UniqueViolation.Is(ex))
        {
            // This farmer's other post of a first answer (a double tap, a second tab) was saved at the same moment; the
            // unique index kept it. This post is then what it would have been a moment later: the same answer is already
            // saved (a success, not "already answered"), a different one is an edit of it.
            db.ChangeTracker.Clear();
            var saved = await db.SurveyAnswers.FirstAsync(a => a.EnrollmentId == enrollment.Id);
            if (!saved.Says(Input.Rating!.Value, Input.Comment))
            {
                saved.Answer(Input.Rating!.Value, Input.Comment, now);
                await db.SaveChangesAsync();
            }
        }
        TempData["Flash"] = l["Survey.Thanks"].Value;
        return RedirectToPage("/Training/My/Enrollments");
    }

    /// <summary>The farmer's decided place on the course (only finished trainees are asked), else null (404).</summary>
    private async Task<Enrollment?> FindAsync(int courseId)
    {
        if (FarmerPerson.Of(User) is not { } personId) return null;
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.CourseId == courseId && e.PersonId == personId
            && (e.Status == EnrollmentStatus.Completed || e.Status == EnrollmentStatus.NotCompleted));
        if (enrollment is null) return null;
        CourseTitle = await db.Courses.IgnoreQueryFilters([RegionFilter.Name]).Where(c => c.Id == courseId).Select(c => c.Title).FirstAsync();
        Answer = await db.SurveyAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.EnrollmentId == enrollment.Id);
        return enrollment;
    }
}
