using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Data.Cluster;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table KeyFingerprints, keyed by key name: the personal-data key fingerprints every node must match to start.</summary>
public sealed class KeyFingerprintConfiguration : IEntityTypeConfiguration<KeyFingerprint>
{
    public void Configure(EntityTypeBuilder<KeyFingerprint> b)
    {
        b.HasKey(k => k.Name);
        b.Property(k => k.Name).HasMaxLength(32);
        b.Property(k => k.Fingerprint).HasMaxLength(64);
    }
}

/// <summary>Table PendingUploads, keyed by token; UploadedAt is indexed for the sweep of abandoned uploads.</summary>
public sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUpload>
{
    public void Configure(EntityTypeBuilder<PendingUpload> b)
    {
        b.HasKey(u => u.Token);
        b.Property(u => u.Token).HasMaxLength(32);
        b.Property(u => u.UserId).HasMaxLength(450);
        b.Property(u => u.Kind).HasMaxLength(64);
        b.Property(u => u.FileName).HasMaxLength(260);
        b.HasIndex(u => u.UploadedAt);
    }
}

/// <summary>Table LoginFailures, keyed by the hashed account; LastAt is indexed for the sweep of stale rows.</summary>
public sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.HasKey(f => f.Account);
        b.Property(f => f.Account).HasMaxLength(64);
        b.HasIndex(f => f.LastAt);
    }
}

/// <summary>Table AddressCounts, keyed by the hashed (kind, address, window) bucket; ExpiresAt is indexed for the sweep.</summary>
public sealed class AddressCountConfiguration : IEntityTypeConfiguration<AddressCount>
{
    public void Configure(EntityTypeBuilder<AddressCount> b)
    {
        b.HasKey(c => c.Bucket);
        b.Property(c => c.Bucket).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAt);
    }
}
