using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Api;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table ApiTokens; the secret's hash is unique, since a bearer token is looked up by it on every API request.</summary>
public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength).IsRequired();
        b.Property(t => t.OwnerUserId).HasMaxLength(450).IsRequired();
        b.Property(t => t.OwnerUserName).HasMaxLength(256).IsRequired();
        b.Property(t => t.RegionCode).HasMaxLength(12).IsRequired();
        b.Property(t => t.Resources).HasMaxLength(200).IsRequired();
        b.Property(t => t.IssuedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.SecretHash).HasMaxLength(64).IsRequired();
        b.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        b.Ignore(t => t.ResourceList);
        b.HasIndex(t => t.SecretHash).IsUnique();
    }
}
