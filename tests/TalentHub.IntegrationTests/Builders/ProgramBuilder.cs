using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Training;

namespace TalentHub.IntegrationTests.Builders;

/// <summary>The one builder of training programs for integration tests.</summary>
public static class ProgramBuilder
{
    /// <summary>A subsidised programme of this (Asia/Shanghai) year; the repeat rule applies to its courses unless <paramref name="repeatRule"/> is false.</summary>
    public static async Task<int> CreateProgramAsync(this TalentHubFactory app, bool repeatRule = true)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
        var program = new TrainingProgram { Name = "测试项目 " + Guid.NewGuid().ToString("N")[..8], Year = ShanghaiDays.Today().Year, Budget = 10, RepeatRuleApplies = repeatRule };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        return program.Id;
    }
}
