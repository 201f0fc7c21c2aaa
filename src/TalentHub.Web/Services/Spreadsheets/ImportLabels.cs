using TalentHub.Web.Infrastructure;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Domain.People;

namespace TalentHub.Web.Services.Spreadsheets;

/// <summary>
/// The words a spreadsheet may use for each choice: the Chinese label, the English label or the enum name.
/// The same labels head the template's notes and fill the exports when no resource text exists.
/// </summary>
public static class ImportLabels
{
    private sealed record Label(Enum Value, string Zh, string En, string[] Aliases);

    private static readonly Dictionary<Type, Label[]> Table = Build(
        L(Sex.Male, "男", "Male"), L(Sex.Female, "女", "Female"),
        L(TalentCategory.LocalTalent, "乡土人才", "Local talent"),
        L(TalentCategory.ReturningEntrepreneur, "返乡入乡创业人员", "Returning or incoming entrepreneur", "返乡创业人员", "返乡入乡创业", "返乡创业"),
        L(TalentCategory.HighQualityFarmer, "高素质农民", "High-quality farmer"),
        L(TalentCategory.ProfessionalManager, "农业职业经理人", "Agricultural professional manager", "职业经理人"),
        L(TalentCategory.PracticalTalentLeader, "农村实用人才带头人", "Rural practical-talent leader", "实用人才带头人"),
        L(LocalTalentType.ProductionExpert, "生产能手", "Production expert"),
        L(LocalTalentType.BusinessExpert, "经营能手", "Business expert"),
        L(LocalTalentType.Craftsman, "能工巧匠", "Craftsman"),
        L(LocalTalentType.CulturalTalent, "文化能人", "Cultural talent"),
        L(LocalTalentType.TechnicalExpert, "技术能手", "Technical expert"),
        L(EntrepreneurOrigin.MigrantWorker, "返乡农民工", "Returning migrant worker", "农民工"),
        L(EntrepreneurOrigin.CollegeGraduate, "高校毕业生", "College graduate"),
        L(EntrepreneurOrigin.Veteran, "退役军人", "Veteran"),
        L(EntrepreneurOrigin.UrbanTalent, "入乡城市人才", "Incoming urban talent", "城市人才"),
        L(EntrepreneurOrigin.Other, "其他", "Other"),
        L(EducationLevel.Primary, "小学", "Primary school", "小学及以下"),
        L(EducationLevel.JuniorHigh, "初中", "Junior high school"),
        L(EducationLevel.SeniorHigh, "高中", "Senior high school"),
        L(EducationLevel.Vocational, "中专", "Vocational school", "中职", "职高", "中专/职高"),
        L(EducationLevel.College, "大专", "College", "专科"),
        L(EducationLevel.Bachelor, "本科", "Bachelor", "大学本科"),
        L(EducationLevel.Postgraduate, "研究生", "Postgraduate", "硕士", "博士"),
        L(IncomeBand.Below50k, "5万元以下", "Below 50,000 yuan"),
        L(IncomeBand.From50kTo100k, "5万-10万元", "50,000–100,000 yuan", "5-10万元", "5万至10万元"),
        L(IncomeBand.From100kTo200k, "10万-20万元", "100,000–200,000 yuan", "10-20万元", "10万至20万元"),
        L(IncomeBand.Above200k, "20万元以上", "Above 200,000 yuan"),
        L(EntityType.Cooperative, "农民专业合作社", "Farmers' cooperative", "合作社", "专业合作社"),
        L(EntityType.FamilyFarm, "家庭农场", "Family farm"),
        L(EntityType.LeadingEnterprise, "农业产业化龙头企业", "Leading enterprise", "龙头企业"),
        L(EntityType.ServiceOrganization, "农业社会化服务组织", "Agricultural service organisation", "社会化服务组织", "服务组织"),
        L(EntityStatus.Draft, "草稿", "Draft"),
        L(EntityStatus.Submitted, "已提交", "Submitted"),
        L(EntityStatus.Approved, "在册", "Approved"),
        L(EntityStatus.Returned, "已退回", "Returned"),
        L(EntityStatus.Suspended, "已暂停", "Suspended"),
        L(EntityStatus.Deregistered, "已注销", "Deregistered"),
        L(DemonstrationLevel.National, "国家级", "National"),
        L(DemonstrationLevel.Provincial, "省级", "Provincial"),
        L(DemonstrationLevel.City, "市级", "City"),
        L(DemonstrationLevel.County, "县级", "County"));

    // The app's own resource texts (what the forms and lists show) are accepted too.
    private static readonly ResourceManager Resources = new("TalentHub.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly Dictionary<(Type, string), Enum> Lookup = Table
        .SelectMany(t => t.Value.SelectMany(l => l.Aliases.Append(l.Zh).Append(l.En).Append(l.Value.ToString())
            .Concat(ResourceTexts(l.Value))
            .Select(text => (Key: (t.Key, Normalize(text)), l.Value))))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Value);

    /// <summary>Finds a choice by its Chinese or English label, an alias, the enum name or its resource text, compared after <see cref="Normalize"/>.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !Lookup.TryGetValue((typeof(T), Normalize(text)), out var found)) return false;
        value = (T)found;
        return true;
    }

    /// <summary>The Chinese label of a choice; throws <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> for an enum or member without a label.</summary>
    public static string Chinese(Enum value) => Find(value).Zh;

    /// <summary>The English label of a choice; throws like <see cref="Chinese"/> for an enum or member without a label.</summary>
    public static string English(Enum value) => Find(value).En;

    /// <summary>
    /// The Chinese (or English) labels of every choice, for the template notes and messages: the words the forms and lists show
    /// (the app's resource text in that language, e.g. "Junior college"), else the label of the table above.
    /// </summary>
    public static string Choices<T>(bool english) where T : struct, Enum => Choices(typeof(T), english);

    /// <inheritdoc cref="Choices{T}(bool)"/>
    public static string Choices(Type type, bool english)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(english ? Infrastructure.TalentHubCultures.English : Infrastructure.TalentHubCultures.Chinese);
        return string.Join(english ? ", " : "、", Table[type].Select(l => ResourceText(l.Value, culture) ?? (english ? l.En : l.Zh)));
    }

    /// <summary>
    /// The label in the current UI language: the app's resource text when it has one
    /// (e.g. "TalentCategory.LocalTalent", "Education.Bachelor"), else the label above.
    /// </summary>
    public static string Display(Enum value, IStringLocalizer l)
    {
        var text = l[ResourceKey(value)];
        if (!text.ResourceNotFound) return text.Value;
        return TalentHubCultures.IsEnglish ? English(value) : Chinese(value);
    }

    private static string ResourceKey(Enum value) =>
        $"{(value.GetType() == typeof(EducationLevel) ? "Education" : value.GetType().Name)}.{value}";

    private static IEnumerable<string> ResourceTexts(Enum value) =>
        Infrastructure.TalentHubCultures.Cultures.Select(culture => ResourceText(value, culture)).OfType<string>();

    /// <summary>The app's resource text of the choice in <paramref name="culture"/>, or null when it has none.</summary>
    private static string? ResourceText(Enum value, System.Globalization.CultureInfo culture)
    {
        string? text;
        try { text = Resources.GetString(ResourceKey(value), culture); }
        catch (MissingManifestResourceException) { text = null; }
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static Label Find(Enum value) => Table[value.GetType()].First(l => l.Value.Equals(value));

    private static string Normalize(string text) =>
        string.Concat(text.Trim().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '–' or ',' or '，'))).ToLowerInvariant();

    private static Label L(Enum value, string zh, string en, params string[] aliases) => new(value, zh, en, aliases);

    private static Dictionary<Type, Label[]> Build(params Label[] labels) =>
        labels.GroupBy(l => l.Value.GetType()).ToDictionary(g => g.Key, g => g.ToArray());
}
