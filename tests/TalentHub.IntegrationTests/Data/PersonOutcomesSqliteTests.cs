using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using TalentHub.Web.Services.Training;

namespace TalentHub.IntegrationTests.Data;

/// <summary>
/// A person's results read through kept SQLite statements (issue 12, perf6b) equal the EF reads for every person of
/// the demo data with an enrollment: attendance shares, scores, reasons, certificates (and revocations) and follow-ups.
/// </summary>
public sealed class PersonOutcomesSqliteTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public async Task Every_demo_persons_results_read_the_same_as_EF()
    {
        var compared = await App.QueryAsync(async db =>
        {
            Assert.True(db.Database.IsSqlite());
            var people = await db.Enrollments.Select(e => e.PersonId).Distinct().ToListAsync();
            var seen = (Results: 0, Marks: 0, Certificates: 0, FollowUps: 0, Scores: 0);
            foreach (var id in people)
            {
                var fast = await PersonOutcomes.ForPersonAsync(db, id, viaEf: false);
                var ef = await PersonOutcomes.ForPersonAsync(db, id, viaEf: true);
                Assert.Equal(Flatten(ef), Flatten(fast));
                seen.Results += fast.Count;
                seen.Marks += fast.Values.Count(r => r.HasMarks);
                seen.Certificates += fast.Values.Count(r => r.CertificateId is not null);
                seen.FollowUps += fast.Values.Sum(r => r.FollowUps.Count);
                seen.Scores += fast.Values.Count(r => r.Score is not null);
            }
            return seen;
        });
        // Not vacuous: the demo data holds marks, certificates and follow-ups.
        Assert.True(compared.Results > 10, $"{compared}");
        Assert.True(compared.Marks > 0 && compared.Certificates > 0 && compared.FollowUps > 0, $"{compared}");
    }

    private static List<string> Flatten(Dictionary<int, EnrollmentResult> results) => results.OrderBy(r => r.Key).Select(r =>
        $"{r.Key}|{r.Value.AttendedShare}|{r.Value.HasMarks}|{r.Value.Score}|{r.Value.Reason}|{r.Value.CertificateId}|{r.Value.CertificateNumber}|{r.Value.Revoked}|" +
        string.Join(";", r.Value.FollowUps.Select(f => $"{f.Id},{f.Months},{f.DueAt:O},{f.Row}"))).ToList();
}
