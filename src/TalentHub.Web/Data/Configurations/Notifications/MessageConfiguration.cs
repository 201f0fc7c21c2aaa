using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalentHub.Web.Domain.Notifications;

namespace TalentHub.Web.Data.Configurations;

/// <summary>Table Messages: one per outbox notification (unique NotificationId, so redelivery adds none); unread lookups by person or user.</summary>
public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.Subject).HasMaxLength(200);
        b.HasIndex(m => m.NotificationId).IsUnique();
        b.HasIndex(m => new { m.PersonId, m.ReadAt });
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.About).HasMaxLength(100);
        b.HasIndex(m => new { m.UserId, m.ReadAt });
    }
}
