using Microsoft.EntityFrameworkCore;
using TalentHub.Web.Data;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary>The app starts on PostgreSQL: it migrates, seeds the demo data and keeps each county to itself.</summary>
public sealed class PostgresStartupTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public async Task TheApp_OnPostgres_AppliesEveryMigration_AndSeedsTheDemoData()
    {
        App.NewClient().Dispose(); // starts the host: migrate and seed

        var (provider, applied, known, modelChanged) = await App.QueryAsync(async db => (
            db.Database.ProviderName,
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            db.Database.GetMigrations().ToList(),
            db.Database.HasPendingModelChanges()));
        var people = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).CountAsync());
        var entities = await App.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters([RegionFilter.Name]).CountAsync());
        var courses = await App.QueryAsync(db => db.Courses.IgnoreQueryFilters([RegionFilter.Name]).CountAsync());
        var users = await App.QueryAsync(db => db.Users.CountAsync());

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.NotEmpty(known);
        Assert.Equal(known, applied);
        Assert.False(modelChanged, "the Postgres migrations do not match the model");
        Assert.True(people >= 300, $"{people} people");
        Assert.True(entities >= 60, $"{entities} entities");
        Assert.True(courses > 0, $"{courses} courses");
        Assert.True(users >= 6, $"{users} users");
    }

    [PostgresFact]
    public async Task CountyOfficer_OnPostgres_Gets404ForAnotherCountysPerson_And200ForTheirOwn()
    {
        var client = await App.LoginAsync("anji.officer");
        var wuxingPerson = await App.PersonIdInCountyAsync("330502");
        var anjiPerson = await App.PersonIdInCountyAsync("330523");

        var other = await client.GetAsync($"/People/{wuxingPerson}");
        var own = await client.GetAsync($"/People/{anjiPerson}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Matches(@"330523\*{8}\d{3}[\dX]", await own.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task ThePersonalData_IsStoredEncrypted_InThePostgresDatabase()
    {
        var person = await App.QueryAsync(db => db.People.IgnoreQueryFilters([RegionFilter.Name]).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.IdNumber }).FirstAsync());

        await using var connection = new Npgsql.NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT \"IdNumber\" FROM \"People\" WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", person.Id);
        var stored = (string?)await command.ExecuteScalarAsync();

        Assert.NotNull(stored);
        Assert.DoesNotContain(person.IdNumber, stored);
    }
}
