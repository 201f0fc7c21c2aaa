using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.People;

/// <summary>
/// Turns one row of a people import into a <see cref="Person"/> with the same rules as the form:
/// ID number (GB 11643) agreeing with sex and birth date, mobile, a village inside the user's county,
/// categories with the local-talent subtype and the entrepreneur's venture.
/// </summary>
public sealed class PersonRowMapper(PersonRegistry registry, VillageIndex villages, string? scopeCounty)
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("Name", "姓名", "Name", true),
        new("IdNumber", "身份证号", "ID number", true, "身份证号码", "公民身份号码", "身份证"),
        new("Mobile", "手机号", "Mobile", false, "手机号码", "联系电话", "手机"),
        new("Sex", "性别", "Sex") { Choices = typeof(Sex) },
        new("BirthDate", "出生日期", "Birth date"),
        new("Village", "所在村（社区）", "Village", true, "所在村", "村（社区）", "村", "村代码", "区划代码", "所在地"),
        new("Categories", "人才类别", "Categories", true, "类别", "人才类型", "Category") { Choices = typeof(TalentCategory), Multiple = true },
        new("LocalTalentType", "乡土人才类型", "Local talent type", false, "乡土人才类别", "乡土人才子类") { Choices = typeof(LocalTalentType) },
        new("Education", "文化程度", "Education", false, "学历") { Choices = typeof(EducationLevel) },
        new("Industry", "主要产业", "Industry", false, "产业"),
        new("Skills", "技能", "Skills", false, "技能特长"),
        new("Certificates", "持有证书", "Certificates", false, "证书"),
        new("IncomeBand", "年收入", "Income band", false, "年收入档次", "Income") { Choices = typeof(IncomeBand) },
        new("Origin", "创业人员来源", "Entrepreneur origin", false, "创业类型", "来源", "Origin") { Choices = typeof(EntrepreneurOrigin) },
        new("ReturnedOn", "返乡入乡日期", "Returned on", false, "返乡日期", "入乡日期"),
        new("VentureName", "创业项目名称", "Venture name", false, "创业项目"),
        new("VentureIndustry", "创业项目产业", "Venture industry", false, "项目产业"),
        new("Investment", "投资额（万元）", "Investment (10,000 yuan)", false, "投资额", "Investment"),
        new("JobsCreated", "带动就业人数", "Jobs created", false, "带动就业"),
        new("Notes", "备注", "Notes"),
    ];

    /// <summary>The person, or null when the row has errors (all of them recorded by <paramref name="r"/>).</summary>
    public Person? Map(RowReader r) => Map(r, out _);

    /// <summary>
    /// The person, or null when the row has errors (all of them recorded by <paramref name="r"/>); <paramref name="idHash"/> is the keyed hash of a valid ID number even when the row has other errors, so the
    /// importer can report the number twice in the file along with them (forms31).
    /// </summary>
    public Person? Map(RowReader r, out string? idHash)
    {
        var person = new Person();
        person.Name = r.Name("Name", 50) ?? "";

        IdNumber? id = null;
        if (r.Identifier("IdNumber") is { } idText)
            r.Try("IdNumber", () => id = registry.ParseIdNumber(idText));
        var sex = r.Choice<Sex>("Sex");
        var birth = r.Date("BirthDate");
        if (id is not null)
        {
            r.Try("Sex", () => Person.CheckAgreesWithIdNumber(id, null, sex));
            r.Try("BirthDate", () => Person.CheckAgreesWithIdNumber(id, birth, null));
        }

        string? mobile = null;
        var mobileText = r.Identifier("Mobile");
        r.Try("Mobile", () => mobile = PersonRegistry.ParseMobile(mobileText));

        if (r.Text("Village", 100) is { } villageText)
        {
            if (villages.Resolve(villageText, scopeCounty, out var error) is { } code) r.Try("Village", () => person.MoveTo(code));
            else r.Fail("Village", error!, villageText);
        }

        person.Education = r.Choice<EducationLevel>("Education");
        person.Industry = r.Text("Industry", 50);
        person.Skills = r.Text("Skills", 200);
        person.CertificatesHeld = r.Text("Certificates", 200);
        person.IncomeBand = r.Choice<IncomeBand>("IncomeBand");
        person.Notes = r.Text("Notes", 1000);

        var categories = r.Choices<TalentCategory>("Categories");
        var localType = r.Choice<LocalTalentType>("LocalTalentType");
        if (categories.Contains(TalentCategory.LocalTalent) && localType is null && ImportValues.Text(r.Cell("LocalTalentType")) is null)
            r.Fail("LocalTalentType", "Import.Person.LocalTalentTypeRequired");
        var venture = categories.Contains(TalentCategory.ReturningEntrepreneur) ? Venture(r) : null;

        if (!r.IsValid || id is null)
        {
            idHash = id is null ? null : registry.Hash(id.Value);
            return null;
        }
        registry.SetIdentifiers(person, id, mobile);
        idHash = person.IdNumberHash;
        // The categories' rules (Person.CheckCategories) are the mapper's own checks above, each on its column: on a row
        // with errors they would only repeat one of them.
        return r.Try("Categories", () => person.SetCategories(categories, localType, venture)) ? person : null;
    }

    private Venture? Venture(RowReader r)
    {
        var origin = r.Choice<EntrepreneurOrigin>("Origin");
        if (origin is null && ImportValues.Text(r.Cell("Origin")) is null) r.Fail("Origin", "Import.Person.OriginRequired");
        var venture = new Venture
        {
            ReturnedOn = r.Date("ReturnedOn"),
            Name = r.Text("VentureName", 100),
            Industry = r.Text("VentureIndustry", 50),
            Investment = r.Decimal("Investment", 0, 99_999_999m, places: 2),
            JobsCreated = r.Int("JobsCreated", 0, 1_000_000),
        };
        r.Try("ReturnedOn", () => Domain.People.Venture.CheckReturnedOn(venture.ReturnedOn, registry.Today));
        if (origin is null) return null;
        venture.Origin = origin.Value;
        return venture;
    }
}
