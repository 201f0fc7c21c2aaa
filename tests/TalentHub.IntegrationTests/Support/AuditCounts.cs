using Microsoft.EntityFrameworkCore;

namespace TalentHub.IntegrationTests.Support;

/// <summary>How many audit entries a record has: a save that changes nothing adds none.</summary>
public static class AuditCounts
{
    /// <summary>The audit entries of the <paramref name="type"/> record <paramref name="id"/> (its key as text).</summary>
    public static Task<int> AuditCountAsync(this TalentHubFactory app, string type, object id)
    {
        var key = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture);
        return app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == type && a.EntityId == key));
    }
}
