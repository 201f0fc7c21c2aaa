namespace TalentHub.Web.Domain.Training;

/// <summary>
/// A completion certificate (结业证书) numbered <c>TH-{year}-{county}-{serial}</c>; at most one valid (not revoked) per
/// completed enrollment. Owned by the course's county (region-scoped); revoking keeps the row and records why, and an
/// officer's revocation may be followed by a reissue (<see cref="Reissue"/>, 补发): a new row with a new number, the
/// revoked one kept as history.
/// </summary>
public sealed class Certificate : IRegionOwned, IAudited
{
    public int Id { get; private set; }
    public required string Number { get; init; }
    public int Year { get; init; }
    public int Serial { get; init; }
    public int EnrollmentId { get; init; }
    public int CourseId { get; init; }
    public int PersonId { get; init; }
    public required string RegionCode { get; init; }
    public required string CountyCode { get; init; }
    /// <summary>Course hours printed on the certificate (学时).</summary>
    public decimal Hours { get; init; }
    /// <summary>When the course completed (the date printed).</summary>
    public DateTimeOffset CompletedAt { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }
    public string? RevokedBy { get; private set; }
    /// <summary>The revoked certificate this one was reissued for (<see cref="Reissue"/>); null for a first issue.</summary>
    public int? ReissueOfId { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>
    /// The revocation reason written when a corrected attendance mark takes a trainee's completion away (PRODUCT.md §5
    /// Completion); only a certificate revoked for this reason is reinstated by a later correction (<see cref="Reinstate"/>).
    /// </summary>
    public const string AttendanceCorrected = "考勤更正 / attendance corrected";

    /// <summary>True when the certificate was revoked because an attendance correction took the completion away.</summary>
    public bool IsRevokedForCorrection => IsRevoked && RevokedReason == AttendanceCorrected;

    /// <summary>
    /// An officer's revocation with a written reason (1–200 characters); a certificate is revoked once. The reason
    /// <see cref="AttendanceCorrected"/> is reserved for <see cref="RevokeForCorrection"/> (a certificate revoked with it
    /// would be reinstated by a later correction): <see cref="DomainException"/> Certificate.ReasonReserved.
    /// </summary>
    public void Revoke(string? reason, string? by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Certificate.ReasonRequired", "RevokeReason");
        if (reason.Trim() == AttendanceCorrected) throw new DomainException("Certificate.ReasonReserved", "RevokeReason");
        Set(reason.Trim(), by, now);
    }

    /// <summary>Revokes because a corrected attendance mark took the trainee's completion away (reason <see cref="AttendanceCorrected"/>).</summary>
    public void RevokeForCorrection(string? by, DateTimeOffset now) => Set(AttendanceCorrected, by, now);

    /// <summary>
    /// Revokes because a roster correction cancelled the place, with the correction's <paramref name="reason"/>: as an
    /// attendance correction (<see cref="RevokeForCorrection"/>) when the reason is <see cref="AttendanceCorrected"/>, else as an
    /// officer's revocation (<see cref="Revoke"/>; reissuable). Throws <see cref="DomainException"/> as <see cref="Revoke"/> does.
    /// </summary>
    public void RevokeForRosterCorrection(string reason, string? by, DateTimeOffset now)
    {
        if (reason.Trim() == AttendanceCorrected) RevokeForCorrection(by, now);
        else Revoke(reason, by, now);
    }

    private void Set(string reason, string? by, DateTimeOffset now)
    {
        if (IsRevoked) throw new DomainException("Certificate.AlreadyRevoked");
        RevokedAt = now;
        RevokedReason = reason;
        RevokedBy = by;
    }

    /// <summary>
    /// Makes a certificate revoked for an attendance correction (<see cref="IsRevokedForCorrection"/>) valid again when a later
    /// correction makes the trainee Completed again: the revocation is cleared, number, serial and issue date are kept (it is
    /// not a new issue). Who and when are recorded by the audit interceptor, as for every change. A certificate revoked for any
    /// other reason (an officer's revocation) stays revoked: <see cref="DomainException"/> Certificate.NotReinstatable;
    /// one not revoked: Certificate.NotRevoked.
    /// </summary>
    public void Reinstate()
    {
        if (!IsRevoked) throw new DomainException("Certificate.NotRevoked");
        if (!IsRevokedForCorrection) throw new DomainException("Certificate.NotReinstatable");
        RevokedAt = null;
        RevokedReason = null;
        RevokedBy = null;
    }

    /// <summary>
    /// Checks that an officer may reissue (补发) this certificate for a trainee whose enrollment is now
    /// <paramref name="enrollment"/>. Throws <see cref="DomainException"/>: Certificate.NotRevoked when it is still valid;
    /// Certificate.ReissueForCorrection when it was revoked by an attendance correction (a later correction reinstates it,
    /// <see cref="Reinstate"/>, so a reissue would give the trainee two); Certificate.ReissueNotCompleted when the enrollment is
    /// no longer Completed. Whether a newer certificate already exists for the enrollment is the caller's check (one valid per
    /// enrollment is also a filtered unique index).
    /// </summary>
    public void EnsureReissuable(EnrollmentStatus enrollment)
    {
        if (ReissueRefusal(enrollment) is { } key) throw new DomainException(key);
    }

    /// <summary>The message key <see cref="EnsureReissuable"/> would throw, or null when a reissue is allowed (the Results page's button).</summary>
    public string? ReissueRefusal(EnrollmentStatus enrollment) =>
        !IsRevoked ? "Certificate.NotRevoked"
        : IsRevokedForCorrection ? "Certificate.ReissueForCorrection"
        : enrollment != EnrollmentStatus.Completed ? "Certificate.ReissueNotCompleted"
        : null;

    /// <summary>
    /// A new certificate replacing this revoked one (补发): same enrollment, course, person, region, hours, completion date and
    /// number year (the year of completion), the next <paramref name="serial"/> of (county, year) from the counter, issued
    /// <paramref name="now"/>, with <see cref="ReissueOfId"/> naming this one, which stays revoked. Checks
    /// <see cref="EnsureReissuable"/> first (same <see cref="DomainException"/>s); <paramref name="serial"/> below 1:
    /// <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public Certificate Reissue(EnrollmentStatus enrollment, int serial, DateTimeOffset now)
    {
        EnsureReissuable(enrollment);
        return new Certificate
        {
            Number = CertificateNumber.Format(Year, CountyCode, serial), Year = Year, Serial = serial, EnrollmentId = EnrollmentId,
            CourseId = CourseId, PersonId = PersonId, RegionCode = RegionCode, CountyCode = CountyCode, Hours = Hours,
            CompletedAt = CompletedAt, IssuedAt = now, ReissueOfId = Id,
        };
    }
}

/// <summary>The last serial issued per county and year; incremented atomically in the transaction that inserts the certificate.</summary>
public sealed class CertificateCounter
{
    public required string CountyCode { get; init; }
    public int Year { get; init; }
    public int LastSerial { get; init; }
}
