using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

/// <summary>Reissue (补发): an officer's revocation may be followed by a new certificate; the revoked one stays revoked.</summary>
public sealed class CertificateReissueTests
{
    private static readonly DateTimeOffset Completed = new(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Today = new(2027, 9, 10, 2, 0, 0, TimeSpan.Zero);

    private static Certificate New() => new()
    {
        Number = "TH-2027-330523-00001", Year = 2027, Serial = 1, EnrollmentId = 7, CourseId = 3, PersonId = 5,
        RegionCode = "330523108204", CountyCode = "330523000000", Hours = 16.5m, CompletedAt = Completed, IssuedAt = Completed.AddDays(1),
    };

    private static Certificate RevokedByOfficer()
    {
        var certificate = New();
        certificate.Revoke("姓名录错", "anji.officer", Completed.AddDays(30));
        return certificate;
    }

    [Fact]
    public void Reissue_OfAnOfficersRevocation_IsANewCertificateWithTheNewSerial_TodaysDate_SameHoursAndCompletion()
    {
        var revoked = RevokedByOfficer();

        var reissued = revoked.Reissue(EnrollmentStatus.Completed, 42, Today);

        Assert.Equal("TH-2027-330523-00042", reissued.Number);
        Assert.Equal((2027, 42), (reissued.Year, reissued.Serial));
        Assert.Equal((7, 3, 5), (reissued.EnrollmentId, reissued.CourseId, reissued.PersonId));
        Assert.Equal(("330523108204", "330523000000"), (reissued.RegionCode, reissued.CountyCode));
        Assert.Equal(16.5m, reissued.Hours);
        Assert.Equal(Completed, reissued.CompletedAt);
        Assert.Equal(Today, reissued.IssuedAt);
        Assert.False(reissued.IsRevoked);
        Assert.Equal(revoked.Id, reissued.ReissueOfId);
        // The old one keeps its revocation (history).
        Assert.True(revoked.IsRevoked);
        Assert.Equal("姓名录错", revoked.RevokedReason);
        Assert.Equal("TH-2027-330523-00001", revoked.Number);
    }

    [Fact]
    public void Reissue_RefusesACertificateNotRevoked() =>
        Assert.Equal("Certificate.NotRevoked", Assert.Throws<DomainException>(() => New().Reissue(EnrollmentStatus.Completed, 2, Today)).MessageKey);

    [Fact]
    public void Reissue_RefusesARevocationForAnAttendanceCorrection_WhichACorrectionReinstates()
    {
        var certificate = New();
        certificate.RevokeForCorrection("anji.clerk", Completed.AddDays(3));

        var refused = Assert.Throws<DomainException>(() => certificate.Reissue(EnrollmentStatus.Completed, 2, Today));

        Assert.Equal("Certificate.ReissueForCorrection", refused.MessageKey);
    }

    [Theory]
    [InlineData(EnrollmentStatus.NotCompleted)]
    [InlineData(EnrollmentStatus.Confirmed)]
    [InlineData(EnrollmentStatus.Cancelled)]
    public void Reissue_RefusesWhenTheEnrollmentIsNoLongerCompleted(EnrollmentStatus status) =>
        Assert.Equal("Certificate.ReissueNotCompleted",
            Assert.Throws<DomainException>(() => RevokedByOfficer().Reissue(status, 2, Today)).MessageKey);

    [Fact]
    public void EnsureReissuable_AcceptsAnOfficersRevocationOfACompletedPlace() =>
        RevokedByOfficer().EnsureReissuable(EnrollmentStatus.Completed);

    [Fact]
    public void AReissuedCertificate_CanBeRevokedAndReissuedAgain()
    {
        var second = RevokedByOfficer().Reissue(EnrollmentStatus.Completed, 2, Today);
        second.Revoke("再次核查不符", "anji.officer", Today.AddDays(1));

        var third = second.Reissue(EnrollmentStatus.Completed, 3, Today.AddDays(2));

        Assert.Equal("TH-2027-330523-00003", third.Number);
        Assert.False(third.IsRevoked);
    }
}
