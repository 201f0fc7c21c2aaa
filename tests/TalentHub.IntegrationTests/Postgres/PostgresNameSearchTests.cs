using Microsoft.EntityFrameworkCore;
using TalentHub.IntegrationTests.Support;
using TalentHub.Web.Data;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The name bigrams on PostgreSQL (issue 12): the trigger fills them on insert and rename; a fragment finds the person.</summary>
public sealed class PostgresNameSearchTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task A_two_character_fragment_finds_the_person_and_follows_a_rename_on_Postgres()
    {
        var pair = string.Concat((char)Random.Shared.Next(0x4E00, 0x9FA5), (char)Random.Shared.Next(0x4E00, 0x9FA5));
        var person = await App.AddPersonAsync($"测{pair}试", YuCun);
        var client = await App.LoginAsync("anji.clerk");
        var link = $"href=\"/People/{person.Id}\"";

        Assert.Contains(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}"));
        Assert.Contains(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair + "试")}"));
        Assert.DoesNotContain(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair + "错")}"));
        Assert.Equal(3, await App.QueryAsync(db => db.PersonNameGrams.CountAsync(g => g.PersonId == person.Id)));

        await App.QueryAsync(async db =>
        {
            var row = await db.People.IgnoreQueryFilters([RegionFilter.Name]).FirstAsync(p => p.Id == person.Id);
            row.Name = "改名后";
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString(pair)}"));
        Assert.Contains(link, await client.GetStringAsync($"/People?Q={Uri.EscapeDataString("名后")}"));
        Assert.Equal(2, await App.QueryAsync(db => db.PersonNameGrams.CountAsync(g => g.PersonId == person.Id)));
    }
}
