using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TalentHub.Web.Data;

/// <summary>
/// Caches the EF model per context type AND personal-data key set: the model holds the encryption converter,
/// so a process hosting two key sets (a rotation's old and new node, tests with two nodes) never shares one.
/// </summary>
public sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is TalentHubDbContext talentHub
        ? (context.GetType(), talentHub.Protector.ModelKey, designTime)
        : (context.GetType(), designTime);
}
