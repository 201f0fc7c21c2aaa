using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;

namespace TalentHub.UnitTests.Builders;

/// <summary>The one builder of <see cref="Person"/> for unit tests.</summary>
public static class PersonBuilder
{
    private static int _sequence;

    /// <summary>A returning entrepreneur's venture: a bamboo-forest guesthouse.</summary>
    public static Venture AVenture() => new() { Origin = EntrepreneurOrigin.MigrantWorker, Name = "竹林民宿", Investment = 35.5m, JobsCreated = 6 };

    /// <summary><paramref name="count"/> women of 余村 with distinct ID numbers, saved; their ids.</summary>
    public static async Task<List<int>> PeopleAsync(this TalentHubDbContext db, int count)
    {
        var people = Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref _sequence);
            var id = IdNumber.Create("330523", new DateOnly(1980, 1, 1).AddDays(n), n % 1000, Sex.Female);
            var person = new Person { Name = $"学员{n}" };
            person.SetIdNumber(id, $"hash-{id.Value}");
            person.MoveTo("330523108204");
            return person;
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return people.Select(p => p.Id).ToList();
    }
}
