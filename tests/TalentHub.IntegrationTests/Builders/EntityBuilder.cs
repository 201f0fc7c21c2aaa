using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;

namespace TalentHub.IntegrationTests.Builders;

/// <summary>The one builder of business entities for integration tests, straight in the database.</summary>
public static class EntityBuilder
{
    /// <summary>A draft family farm in <paramref name="village"/> led by (and represented by) <paramref name="personId"/>.</summary>
    public static async Task<int> AddFamilyFarmLedByAsync(this TalentHubFactory app, string name, int personId, string village)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var tail = string.Concat(Enumerable.Range(0, 7).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        var entity = new BusinessEntity { Name = name, Type = EntityType.FamilyFarm, LegalRepresentativeId = personId };
        entity.SetCreditCode(CreditCode.Create("92" + village[..6] + "MA" + tail), warningConfirmed: false);
        entity.MoveTo(village);
        entity.Link(personId, MemberRole.Leader);
        db.BusinessEntities.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }
}
