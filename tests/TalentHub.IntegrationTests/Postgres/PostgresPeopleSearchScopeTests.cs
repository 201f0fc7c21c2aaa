using TalentHub.IntegrationTests.Pages.People;
using TalentHub.IntegrationTests.Support;

namespace TalentHub.IntegrationTests.Postgres;

/// <summary><see cref="PeopleSearchScope"/> on PostgreSQL: the page and its total in one query keep the region scope.</summary>
public sealed class PostgresPeopleSearchScopeTests(PostgresFactory app) : PostgresTest(app)
{
    [PostgresFact]
    public Task A_county_users_search_pages_and_totals_only_their_county_on_Postgres() =>
        PeopleSearchScope.Search_pages_and_totals_stay_within_the_users_county(App);
}
