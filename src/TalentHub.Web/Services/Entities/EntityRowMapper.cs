using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.Entities;
using TalentHub.Web.Services.People;
using TalentHub.Web.Services.Spreadsheets;

namespace TalentHub.Web.Services.Entities;

/// <summary>An entity read from a row, waiting for its legal representative to be found by ID number.</summary>
public sealed record EntityRow(BusinessEntity Entity, string LegalRepresentativeHash);

/// <summary>
/// Turns one row of an entity import into a draft <see cref="BusinessEntity"/> with the form's rules.
/// A credit code failing only its check digit is an error unless the row says "代码已核实: 是" and the importing user is an
/// officer (<paramref name="officerConfirms"/>): PRODUCT.md §4 has an officer confirm such a code, so a clerk's file cannot.
/// </summary>
public sealed class EntityRowMapper(PersonRegistry registry, VillageIndex villages, string? scopeCounty, bool officerConfirms)
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("Name", "主体名称", "Name", true, "名称", "经营主体名称", "单位名称"),
        new("CreditCode", "统一社会信用代码", "Credit code", true, "信用代码", "社会信用代码", "Unified social credit code"),
        new("CodeVerified", "代码已核实", "Code verified", false, "信用代码已核实"),
        new("Type", "主体类型", "Type", true, "类型", "经营主体类型") { Choices = typeof(EntityType) },
        new("LegalRepresentative", "法定代表人身份证号", "Legal representative ID number", true, "法人身份证号", "负责人身份证号", "法定代表人身份证号码"),
        new("Village", "所在村（社区）", "Village", true, "所在村", "村（社区）", "村", "村代码", "区划代码", "所在地"),
        new("RegisteredOn", "登记日期", "Registered on", false, "注册日期", "成立日期", "市场监管登记日期"),
        new("Address", "地址", "Address", false, "住所", "经营地址"),
        new("Industry", "主要产业", "Industry", false, "产业"),
        new("LandArea", "经营土地面积（亩）", "Land (mu)", false, "土地面积", "经营面积", "经营面积（亩）", "Land area"),
        new("LivestockScale", "养殖规模", "Livestock scale"),
        new("Members", "成员数", "Members", false, "社员数"),
        new("FamilyLabour", "家庭劳动力", "Family labour", false, "家庭劳动力人数"),
        new("Employees", "从业人数", "Employees", false, "雇工人数", "员工人数"),
        new("HouseholdsDriven", "带动农户数", "Households driven"),
        new("AnnualRevenue", "年营业收入（万元）", "Annual revenue (10,000 yuan)", false, "年营业收入", "营业收入", "Annual revenue"),
        new("Rating", "示范等级", "Rating", false, "示范级别") { Choices = typeof(DemonstrationLevel) },
        new("RatingYear", "评定年份", "Rating year", false, "示范评定年份"),
    ];

    /// <summary>The entity (still without its legal representative), or null when the row has errors.</summary>
    public EntityRow? Map(RowReader r) =>
        Read(r, out var leaderHash) is var entity && r.IsValid && leaderHash is not null ? new EntityRow(entity, leaderHash) : null;

    /// <summary>
    /// Reads the row whatever its errors (each recorded by <paramref name="r"/>): the entity as far as it could be read, and
    /// the keyed hash of its legal representative's ID number when that number is valid, so the importer can check the
    /// look-ups of a row with errors too and list all of its errors at once (forms31).
    /// </summary>
    public BusinessEntity Read(RowReader r, out string? leaderHash)
    {
        var entity = new BusinessEntity();
        entity.Name = r.Name("Name", 100) ?? "";

        var type = r.Choice<EntityType>("Type");
        // A clerk's "是" is no officer's confirmation: read (so a bad value is still named) but not counted.
        var verified = r.Bool("CodeVerified") && officerConfirms;
        if (type is { } kind) entity.Type = kind;
        if (r.Identifier("CreditCode") is { } code)
        {
            if (type is not null)
            {
                try { entity.SetCreditCode(code, verified); }
                catch (DomainException ex) when (ex.MessageKey == "CreditCode.CheckDigitWarning")
                {
                    r.Fail("CreditCode", officerConfirms ? "Import.Entity.CheckDigit" : "Import.Entity.CheckDigitOfficer");
                }
                catch (DomainException ex) { r.Fail("CreditCode", ex.MessageKey, ex.Args); }
            }
            else if (CreditCode.Check(code) is not (CreditCodeCheck.Valid or CreditCodeCheck.CheckDigitMismatch) and var check)
                r.Fail("CreditCode", "CreditCode." + check);
        }

        string? hash = null;
        if (r.Identifier("LegalRepresentative") is { } idText)
            r.Try("LegalRepresentative", () => hash = registry.Hash(registry.ParseIdNumber(idText).Value));
        leaderHash = hash;

        if (r.Text("Village", 100) is { } villageText)
        {
            if (villages.Resolve(villageText, scopeCounty, out var error) is { } village) r.Try("Village", () => entity.MoveTo(village));
            else r.Fail("Village", error!, villageText);
        }

        var today = registry.Today;
        var registeredOn = r.Date("RegisteredOn");
        r.Try("RegisteredOn", () => entity.SetRegisteredOn(registeredOn, today));
        entity.Address = r.Text("Address", 200);
        entity.Industry = r.Text("Industry", 50);
        entity.LandArea = r.Decimal("LandArea", 0, 999_999_999m, places: 2);
        entity.LivestockScale = r.Text("LivestockScale", 100);
        // Kind-specific figures, as on the form: 成员数 for cooperatives, 家庭劳动力 for family farms (a value for another kind is an error).
        var members = r.Int("Members", 0, 10_000_000);
        if (type is not null) r.Try("Members", () => entity.SetMembers(members));
        var familyLabour = r.Int("FamilyLabour", 0, 1_000);
        if (type is not null) r.Try("FamilyLabour", () => entity.SetFamilyLabour(familyLabour));
        entity.Employees = r.Int("Employees", 0, 10_000_000);
        entity.HouseholdsDriven = r.Int("HouseholdsDriven", 0, 10_000_000);
        entity.AnnualRevenue = r.Decimal("AnnualRevenue", 0, 999_999_999m, places: 2);
        var rating = r.Choice<DemonstrationLevel>("Rating");
        var ratingYear = r.Int("RatingYear", 1980, 2100);
        // A year the cell gave but the column refused (1900) is that column's one error, not also "fill in the year".
        var yearUnreadable = ratingYear is null && ImportValues.Text(r.Cell("RatingYear")) is not null;
        if (!yearUnreadable)
            r.Try(rating is not null && (ratingYear is null || ratingYear > today.Year) ? "RatingYear" : "Rating", () => entity.SetRating(rating, ratingYear, today));

        return entity;
    }
}
