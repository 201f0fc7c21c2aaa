using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

/// <summary>PRODUCT.md §5 Completion: only a certificate revoked for an attendance correction is reinstated by a later correction.</summary>
public sealed class CertificateReinstateTests
{
    private static readonly DateTimeOffset Issued = new(2027, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static Certificate New() => new()
    {
        Number = "TH-2027-330523-00001", Year = 2027, Serial = 1, EnrollmentId = 7, CourseId = 3, PersonId = 5,
        RegionCode = "330523000000", CountyCode = "330523000000", Hours = 16, CompletedAt = Issued, IssuedAt = Issued,
    };

    [Fact]
    public void Reinstate_ClearsARevocationForAnAttendanceCorrection_AndKeepsNumberAndIssueDate()
    {
        var certificate = New();
        certificate.RevokeForCorrection("anji.clerk", Issued.AddDays(3));
        Assert.True(certificate.IsRevokedForCorrection);

        certificate.Reinstate();

        Assert.False(certificate.IsRevoked);
        Assert.Null(certificate.RevokedAt);
        Assert.Null(certificate.RevokedReason);
        Assert.Null(certificate.RevokedBy);
        Assert.Equal("TH-2027-330523-00001", certificate.Number);
        Assert.Equal(Issued, certificate.IssuedAt);
    }

    [Fact]
    public void Reinstate_RefusesACertificateAnOfficerRevoked()
    {
        var certificate = New();
        certificate.Revoke("材料造假", "anji.officer", Issued.AddDays(3));

        Assert.False(certificate.IsRevokedForCorrection);
        Assert.Equal("Certificate.NotReinstatable", Assert.Throws<DomainException>(certificate.Reinstate).MessageKey);
        Assert.Equal("材料造假", certificate.RevokedReason);
    }

    [Fact]
    public void Reinstate_RefusesACertificateNotRevoked() =>
        Assert.Equal("Certificate.NotRevoked", Assert.Throws<DomainException>(New().Reinstate).MessageKey);

    [Fact]
    public void ARevocationForCorrection_CanBeRevokedAgainAfterReinstating()
    {
        var certificate = New();
        certificate.RevokeForCorrection("anji.clerk", Issued.AddDays(3));
        certificate.Reinstate();

        certificate.RevokeForCorrection("anji.clerk", Issued.AddDays(5));

        Assert.Equal(Issued.AddDays(5), certificate.RevokedAt);
    }

    [Fact]
    public void AnOfficer_CannotTypeTheCorrectionReason_SoTheirRevocationIsNeverReinstated()
    {
        var certificate = New();

        var error = Assert.Throws<DomainException>(() => certificate.Revoke(" " + Certificate.AttendanceCorrected + " ", "anji.officer", Issued.AddDays(3)));

        Assert.Equal("Certificate.ReasonReserved", error.MessageKey);
        Assert.False(certificate.IsRevoked);
    }
}
