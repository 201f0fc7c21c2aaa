using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TalentHub.Web.Data;

/// <summary>
/// A save a unique key refused (<see cref="UniqueViolation"/>) is logged here as one line at Information, without the
/// exception: it is a race another write won (a form's one-time token posted twice, a duplicate saved meanwhile), and
/// every caller that expects it answers it (polish32: EF logged each at Error with its full stack trace; its own
/// "saving changes failed" and "command failed" events now log at Debug, see <see cref="TalentHubDbContext.UseTalentHubServices"/>).
/// One nobody answers still reaches the error page's or the job's log at Error with its stack trace.
/// </summary>
public sealed class UniqueViolationLog(ILogger<UniqueViolationLog> logger) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Log(eventData);
        base.SaveChangesFailed(eventData);
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    private void Log(DbContextErrorEventData eventData)
    {
        if (eventData.Exception is not DbUpdateException ex || !UniqueViolation.Is(ex)) return;
        var written = string.Join(", ", ex.Entries.Select(e => e.Metadata.ClrType.Name).Distinct());
        logger.LogInformation("Write race: a unique key refused a save of {Written}; another write got there first.", written);
    }
}
