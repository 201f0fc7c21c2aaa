using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Support;

/// <summary>Shared by the SQLite and PostgreSQL tests: titles come back in pinyin order through <see cref="Pinyin"/>.</summary>
public static class PinyinOrder
{
    /// <summary>
    /// Saves three programmes whose code-point order is the reverse of their pinyin order (张 U+5F20 &lt; 李 U+674E &lt; 阿 U+963F)
    /// and reads them back ordered by the pinyin collation, then by the two list pages' own sort.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Collated, IReadOnlyList<string> CodePoint)> ReadAsync(TalentHubFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            foreach (var name in new[] { "张庄培训 ", "阿坝培训 ", "李村培训 " })
                db.Programs.Add(new TrainingProgram { Name = name + tag, Year = 2001, Budget = 1, RepeatRuleApplies = false });
            await db.SaveChangesAsync();
        }
        var collated = await app.QueryAsync(db => db.Programs.Where(p => p.Name.EndsWith(tag))
            .OrderBy(p => EF.Functions.Collate(p.Name, Pinyin.Collation)).Select(p => p.Name).ToListAsync());
        var codePoint = await app.QueryAsync(db => db.Programs.Where(p => p.Name.EndsWith(tag))
            .OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        return (collated.Select(n => n[..2]).ToList(), codePoint.Select(n => n[..2]).ToList());
    }
}
