using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Outbox: the key is unique (idempotent queueing); (DeliveredAt, Id) lets the dispatcher read undelivered rows in order.</summary>
public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Outbox");
        b.Property(n => n.Key).HasMaxLength(128);
        b.HasIndex(n => n.Key).IsUnique();
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.About).HasMaxLength(100);
        b.Property(n => n.LastError).HasMaxLength(500);
        b.HasIndex(n => new { n.DeliveredAt, n.Id });
    }
}
