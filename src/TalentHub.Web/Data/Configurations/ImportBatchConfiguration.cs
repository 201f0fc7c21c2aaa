using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table ImportBatches; TouchedAt is indexed for the cleanup of batches left uncommitted.</summary>
public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.HasIndex(x => x.TouchedAt);
    }
}
