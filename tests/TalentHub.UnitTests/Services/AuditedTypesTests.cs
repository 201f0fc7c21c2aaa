using TalentHub.UnitTests.Builders;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Services;

/// <summary>Audited types are described once, and every field and enum value they record has a label in both languages.</summary>
public sealed class AuditedTypesTests
{
    private sealed class NoScope : IRegionScope { public string? CountyCode => null; }

    private static AuditLabels Labels() => new(Texts.L);

    public static TheoryData<string> AuditedClrTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(IAudited).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAudited).IsAssignableFrom(t)))
            data.Add(type.Name);
        return data;
    }

    public static TheoryData<string, string> TypesAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in AuditedTypes.All)
            foreach (var culture in new[] { "zh-CN", "en" })
                data.Add(type.Name, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(AuditedClrTypes))]
    public void EveryAuditedEntity_IsInTheTable(string name) =>
        Assert.Equal(name, AuditedTypes.Find(name)?.ClrType?.Name);

    [Theory]
    [MemberData(nameof(TypesAndCultures))]
    public void EveryTypeFieldAndEnumValue_HasALabel(string name, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var labels = Labels();
            var type = AuditedTypes.Find(name)!;
            Assert.NotNull(labels.Type(name));
            var missing = AuditedFields(type).Where(f => labels.Field(name, f) is null).ToList();
            Assert.True(missing.Count == 0, $"{name} fields without a {culture} label: {string.Join(", ", missing)}");
            // review13: FollowUpTask.RecordedBy was labelled by the sentence "{0} 记录于 {1}", placeholders and all.
            var sentences = AuditedFields(type).Where(f => labels.Field(name, f)?.Contains('{') == true).Select(f => $"{f} = {labels.Field(name, f)}").ToList();
            Assert.True(sentences.Count == 0, $"{name} fields labelled by a format text in {culture}: {string.Join(", ", sentences)}");
            foreach (var (field, prefix) in type.EnumPrefixes)
            {
                var enumType = EnumOf(type, field);
                var values = enumType is null ? [] : Enum.GetNames(enumType);
                var unlabelled = values.Where(v => labels.EnumValue(name, field, v) is null).ToList();
                Assert.True(unlabelled.Count == 0, $"{name}.{field} values without a {culture} label ({prefix}.*): {string.Join(", ", unlabelled)}");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void ACourseStatus_IsLabelledAsACourseStatus_NotAnEntityStatus()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Published", Labels().EnumValue("Course", "Status", "Published"));
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var chinese = Labels().EnumValue("Course", "Status", "Published");
            Assert.NotNull(chinese);
            Assert.NotEqual("Published", chinese);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Type? EnumOf(AuditedType type, string field)
    {
        var property = type.ClrType?.GetProperty(field)?.PropertyType;
        return property is null ? null : Nullable.GetUnderlyingType(property) ?? property;
    }

    /// <summary>The properties the audit interceptor records for the type (the same rule as <c>AuditInterceptor.Changes</c>).</summary>
    private static IEnumerable<string> AuditedFields(AuditedType type)
    {
        if (type.ClrType is null) return [];
        using var db = new SqliteTalentHubDbContext(
            new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite("Data Source=:memory:").Options,
            new NoScope(), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)));
        var entityType = db.Model.FindEntityType(type.ClrType);
        if (entityType is null) return [];
        return entityType.GetProperties()
            .Where(p => !AuditInterceptor.Skipped.Contains(p.Name) && !(p.IsShadowProperty() && !p.IsForeignKey()) && p.Name != "Id")
            .Select(p => p.Name).ToList();
    }
}
