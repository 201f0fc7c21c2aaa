using TalentHub.Web.Domain.Training;

namespace TalentHub.Web.Data;

/// <summary>
/// The places the demo seeder adds, held to the repeat rule (不得重复培训, PRODUCT.md §5) as a real enrollment is: a
/// place the rule refuses is left out, whatever seed-data/courses.json lists, so the demo cannot drift from the rule
/// whatever day it is seeded on. Starts from the counted places already in the database (keyed by person id) and
/// counts each place it admits.
/// </summary>
internal sealed class SeedPlaces(Dictionary<int, List<PastTraining>> counted)
{
    /// <summary>
    /// The status of the person's place on <paramref name="course"/>, or null when the repeat rule refuses it
    /// (<see cref="EnrollmentRules.RepeatRuleBlocker"/> against the places counted so far). A cancelled course's place is
    /// CourseCancelled; otherwise Confirmed while fewer than <paramref name="capacity"/> places are already
    /// <paramref name="placed"/> on the course, then Waitlisted. A place that counts as training is remembered.
    /// </summary>
    public EnrollmentStatus? Admit(int personId, CourseFacts course, string title, int placed, int capacity)
    {
        var history = counted.TryGetValue(personId, out var known) ? known : counted[personId] = [];
        if (EnrollmentRules.RepeatRuleBlocker(course, history) is not null) return null;
        var status = course.Status == CourseStatus.Cancelled ? EnrollmentStatus.CourseCancelled
            : placed < capacity ? EnrollmentStatus.Confirmed : EnrollmentStatus.Waitlisted;
        if (EnrollmentRules.CountsAsTraining(status, course.Status))
            history.Add(new PastTraining(course.Id, course.Subsidised, course.StartsOn, course.Level, course.Category, title));
        return status;
    }
}
