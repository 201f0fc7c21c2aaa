using Microsoft.EntityFrameworkCore;
using TalentHub.UnitTests.Builders;
using TalentHub.Web.Data;

namespace TalentHub.UnitTests.Data;

/// <summary>A save refused by a key the application chooses is a unique violation on SQLite too, as on PostgreSQL (fix18).</summary>
public sealed class UniqueViolationTests
{
    [Fact]
    public async Task ASecondRowWithTheSamePrimaryKey_IsAUniqueViolation()
    {
        await using var database = await TestDatabase.CreateAsync();
        var token = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            db.FormSubmissions.Add(new FormSubmission { Token = token, Kind = FormKinds.Course, RecordId = 1, UserName = "anji.clerk" });
            await db.SaveChangesAsync();
        }

        await using var other = database.NewContext();
        other.FormSubmissions.Add(new FormSubmission { Token = token, Kind = FormKinds.Course, RecordId = 2, UserName = "anji.clerk" });
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());

        Assert.True(UniqueViolation.Is(ex));
    }
}
