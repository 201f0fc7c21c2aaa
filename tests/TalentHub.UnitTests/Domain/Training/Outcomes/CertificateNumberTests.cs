using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Training;

namespace TalentHub.UnitTests.Domain.Training.Outcomes;

public sealed class CertificateNumberTests
{
    [Fact]
    public void Format_IsYearCountyAndAFiveDigitSerial() =>
        Assert.Equal("TH-2027-330523-00042", CertificateNumber.Format(2027, "330523000000", 42));

    [Fact]
    public void Format_RefusesSerialZero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Format(2027, "330523000000", 0));

    [Theory]
    [InlineData("TH-2027-330523-00001", true)]
    [InlineData("TH-2027-330523-123456", true)]
    [InlineData("TH-2027-33052-00001", false)]
    [InlineData("th-2027-330523-00001", false)]
    [InlineData("' OR 1=1 --", false)]
    public void IsWellFormed(string number, bool expected) => Assert.Equal(expected, CertificateNumber.IsWellFormed(number));

    [Theory]
    [InlineData("th-2027-330523-00001")]
    [InlineData("ＴＨ－２０２７－３３０５２３－００００１")]
    [InlineData(" TH-2027-330523-00001\u200B ")]
    [InlineData("TH 2027 330523 00001")]
    [InlineData("TH202733052300001")]
    [InlineData("TH—2027—330523—00001")]
    [InlineData("th 2027-330523 00001")]
    public void Normalize_GivesThePrintedForm(string typed) => Assert.Equal("TH-2027-330523-00001", CertificateNumber.Normalize(typed));

    [Fact]
    public void OtherScriptsDigits_AreNotANumber() => Assert.False(CertificateNumber.IsWellFormed(CertificateNumber.Normalize("TH-٢٠٢٧-330523-00001")));

    [Fact]
    public void Revoke_NeedsAReason_AndHappensOnce()
    {
        var certificate = new Certificate { Number = "TH-2027-330523-00001", RegionCode = "330523108204", CountyCode = "330523000000" };
        Assert.Equal("Certificate.ReasonRequired", Assert.Throws<DomainException>(() => certificate.Revoke(" ", "anji.officer", DateTimeOffset.UtcNow)).MessageKey);
        certificate.Revoke("证书信息有误", "anji.officer", DateTimeOffset.UtcNow);
        Assert.True(certificate.IsRevoked);
        Assert.Equal("Certificate.AlreadyRevoked", Assert.Throws<DomainException>(() => certificate.Revoke("again", "x", DateTimeOffset.UtcNow)).MessageKey);
    }
}
