using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services.People;
using static TalentHub.IntegrationTests.Pages.People.PeopleTestData;

namespace TalentHub.IntegrationTests.Pages.People;

/// <summary>
/// Issue 12 (imp8a), run on SQLite and on PostgreSQL: a confirm no longer looks every ID number up before it writes; the
/// insert itself skips a person whose ID number is taken (<c>ON CONFLICT ("IdNumberHash") DO NOTHING</c>). A skipped
/// person must get no key, no categories, no audit row and no name grams, the others must get theirs, and the page must
/// count the skipped person as skipped.
/// </summary>
public static class ImportSkipScenarios
{
    /// <summary>
    /// 52 people in one insert (two statements on SQLite, several on PostgreSQL): one of them already registered, one
    /// pending in another import's batch, one in each statement. Only the 50 others are written, with their children.
    /// </summary>
    public static async Task TakenIdNumbers_AreSkippedByTheInsert_WithNoChildrenAuditRowsOrGrams(TalentHubFactory app)
    {
        var name = NewName("跳过");
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TalentHubDbContext>();
        var inserter = services.GetRequiredService<BulkInserter>();
        var batches = services.GetRequiredService<ImportBatches>();
        var registered = NewPerson(services, name + "登记", NewIdNumber(YuCun).Value);
        var pending = NewPerson(services, name + "待定", NewIdNumber(YuCun).Value);
        var other = await batches.BeginAsync("people", null, default);
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            inserter.Insert([registered], null, default);
            inserter.Insert([pending], other, default);
            await tx.CommitAsync();
        }
        var people = Enumerable.Range(0, 50).Select(i => NewPerson(services, $"{name}新{i}", NewIdNumber(YuCun).Value)).ToList();
        var again = NewPerson(services, name + "再登记", registered.IdNumber);
        var alsoPending = NewPerson(services, name + "再待定", pending.IdNumber);
        people.Insert(1, again);
        people.Insert(48, alsoPending);
        var batch = await batches.BeginAsync("people", null, default);

        int written;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            written = inserter.Insert(people, batch, default, skipTaken: true);
            await tx.CommitAsync();
        }

        Assert.Equal(50, written);
        Assert.Equal(0, again.Id);
        Assert.Equal(0, alsoPending.Id);
        var keys = people.Where(p => p != again && p != alsoPending).Select(p => p.Id).ToList();
        Assert.Equal(50, keys.Distinct().Count(k => k > 0));
        Assert.Equal(52, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => p.Name.StartsWith(name))));
        Assert.Equal(0, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => p.Name == again.Name || p.Name == alsoPending.Name)));
        Assert.Equal(50, await app.QueryAsync(d => d.Set<PersonCategory>().IgnoreQueryFilters().CountAsync(c => keys.Contains(c.PersonId))));
        var audited = keys.Select(k => k.ToString()).Append("0").ToList();
        var audits = await app.QueryAsync(d => d.AuditEntries.IgnoreQueryFilters()
            .Where(a => EF.Property<long?>(a, ImportBatchFilter.Column) == batch).ToListAsync());
        Assert.Equal(keys.Select(k => k.ToString()).Order(), audits.Where(a => a.EntityType == nameof(Person)).Select(a => a.EntityId!).Order());
        Assert.Equal(50, audits.Count(a => a.EntityType == nameof(PersonCategory)));
        Assert.DoesNotContain(audits, a => a.EntityId == "0");
        Assert.DoesNotContain(audits, a => a.Changes!.Contains(again.Name) || a.Changes.Contains(alsoPending.Name));
        // The grams of the written people only, the skipped ones' names have none of their own.
        Assert.Equal(0, await app.QueryAsync(d => d.PersonNameGrams.CountAsync(g => g.PersonId == 0)));
        Assert.True(await app.QueryAsync(d => d.PersonNameGrams.AnyAsync(g => g.PersonId == keys[0])));
        await batches.DiscardAsync(batch, default);
        await batches.DiscardAsync(other, default);
    }

    /// <summary>
    /// Someone registers an ID number of the file between the preview and the confirm: the confirm writes the others,
    /// counts that row as skipped, and leaves the registered record alone (no second record, no audit row, no category).
    /// </summary>
    public static async Task APersonRegisteredBetweenPreviewAndConfirm_IsSkipped_WithNoAuditRow_AndCountedAsSkipped(TalentHubFactory app)
    {
        var client = await app.LoginAsync("anji.clerk");
        var newcomer = (Name: NewName("先登记"), Id: NewIdNumber(YuCun).Value);
        var rows = new[] { newcomer, (Name: NewName("随后导入"), Id: NewIdNumber(YuCun).Value), (Name: NewName("也导入"), Id: NewIdNumber(YuCun).Value) };
        var csv = Encoding.UTF8.GetBytes(string.Join("\r\n", ["姓名,身份证号,所在村（社区）,人才类别", .. rows.Select(r => $"{r.Name},{r.Id},余村,高素质农民")]));
        var (_, html) = await client.ValidateAsync("/People/Import", csv, "people.csv");
        Assert.Contains("可导入 3 行", html);
        int registeredId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var person = NewPerson(scope.ServiceProvider, newcomer.Name + "本人", newcomer.Id);
            db.People.Add(person);
            await db.SaveChangesAsync();
            registeredId = person.Id;
        }

        var done = WebUtility.HtmlDecode(await client.ConfirmAsync("/People/Import", html));

        Assert.Contains("写入 2 行，已存在跳过 1 行", done);
        Assert.Equal(0, await app.QueryAsync(d => d.People.IgnoreQueryFilters().CountAsync(p => p.Name == newcomer.Name)));
        Assert.Equal(1, await app.QueryAsync(d => d.Set<PersonCategory>().IgnoreQueryFilters().CountAsync(c => c.PersonId == registeredId)));
        var imported = await app.QueryAsync(d => d.People.IgnoreQueryFilters()
            .Where(p => p.Name == rows[1].Name || p.Name == rows[2].Name).Select(p => p.Id.ToString()).ToListAsync());
        Assert.Equal(2, imported.Count);
        // One Create row per written person, one for the registered person (its own save), none for the skipped row.
        Assert.Equal(2, await app.QueryAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == nameof(Person) && imported.Contains(a.EntityId!))));
        Assert.Equal(1, await app.QueryAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == nameof(Person) && a.EntityId == registeredId.ToString())));
        Assert.Equal(0, await app.QueryAsync(d => d.AuditEntries.CountAsync(a => a.EntityType == nameof(Person) && a.EntityId == "0")));
    }

    /// <summary>Issue 12 (imp8a): the entities' insert skips a credit code taken since the preview (ON CONFLICT DO NOTHING).</summary>
    public static async Task AnEntityRegisteredBetweenPreviewAndConfirm_IsSkipped_NotDuplicated_WithNoAuditRow(TalentHubFactory app)
    {
        var leader = await app.CreatePersonAsync();
        var client = await app.LoginAsync("anji.clerk");
        string Code() => "92330523MA" + new string(Enumerable.Range(0, 7).Select(_ => "0123456789ABCDEFGHJKLMNPQRTUWXY"[Random.Shared.Next("0123456789ABCDEFGHJKLMNPQRTUWXY".Length)]).ToArray());
        var taken = CreditCode.Create(Code());
        var kept = CreditCode.Create(Code());
        var importedName = NewName("抢先农场");
        var csv = string.Join("\r\n", "主体名称,统一社会信用代码,主体类型,法定代表人身份证号,所在村（社区）",
            $"{importedName},{taken},家庭农场,{leader.IdNumber},余村",
            $"{NewName("照常农场")},{kept},家庭农场,{leader.IdNumber},余村");
        var (_, html) = await client.ValidateAsync("/Entities/Import", Encoding.UTF8.GetBytes(csv), "entities.csv");
        Assert.Contains("可导入 2 行", html);
        // Meanwhile someone registers an entity with the first credit code.
        int registered;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TalentHubDbContext>();
            var entity = new TalentHub.Web.Domain.Entities.BusinessEntity
            {
                Name = NewName("先登记农场"), Type = TalentHub.Web.Domain.Entities.EntityType.FamilyFarm, LegalRepresentativeId = leader.Id,
            };
            entity.SetCreditCode(taken, warningConfirmed: false);
            entity.MoveTo(YuCun);
            db.BusinessEntities.Add(entity);
            await db.SaveChangesAsync();
            registered = entity.Id;
        }

        var done = WebUtility.HtmlDecode(await client.ConfirmAsync("/Entities/Import", html));

        Assert.Contains("写入 1 行，已存在跳过 1 行", done);
        Assert.Equal([registered], await app.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters().Where(e => e.CreditCode == taken).Select(e => e.Id).ToListAsync()));
        Assert.False(await app.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters().AnyAsync(e => e.Name == importedName)));
        Assert.True(await app.QueryAsync(db => db.BusinessEntities.IgnoreQueryFilters().AnyAsync(e => e.CreditCode == kept)));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == "0")));
    }

    private static Person NewPerson(IServiceProvider services, string name, string idNumber)
    {
        var registry = services.GetRequiredService<PersonRegistry>();
        var person = new Person { Name = name };
        registry.SetIdentifiers(person, registry.ParseIdNumber(idNumber), null);
        person.MoveTo(YuCun);
        person.SetCategories([TalentCategory.HighQualityFarmer], null, null);
        return person;
    }
}

/// <summary>Taken ID numbers skipped by the import's insert, on SQLite (issue 12, imp8a).</summary>
public sealed class ImportSkipTests(TalentHubFactory app) : AppTest(app)
{
    [Fact]
    public Task TakenIdNumbers_AreSkippedByTheInsert_WithNoChildrenAuditRowsOrGrams() =>
        ImportSkipScenarios.TakenIdNumbers_AreSkippedByTheInsert_WithNoChildrenAuditRowsOrGrams(App);

    [Fact]
    public Task AnEntityRegisteredBetweenPreviewAndConfirm_IsSkipped_NotDuplicated_WithNoAuditRow() =>
        ImportSkipScenarios.AnEntityRegisteredBetweenPreviewAndConfirm_IsSkipped_NotDuplicated_WithNoAuditRow(App);

    [Fact]
    public Task APersonRegisteredBetweenPreviewAndConfirm_IsSkipped_WithNoAuditRow_AndCountedAsSkipped() =>
        ImportSkipScenarios.APersonRegisteredBetweenPreviewAndConfirm_IsSkipped_WithNoAuditRow_AndCountedAsSkipped(App);
}
