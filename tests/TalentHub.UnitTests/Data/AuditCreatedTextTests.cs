using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TalentHub.Web.Data;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Domain.People;
using TalentHub.Web.Services;

namespace TalentHub.UnitTests.Data;

/// <summary>
/// Issue 12 (imp8a): the audit text of a bulk-written record (<see cref="AuditInterceptor.Created"/>) is written straight
/// to a JSON writer; it must be the same text, byte for byte, as serializing the { "Property": [null, value] } dictionary
/// the interceptor builds, for every kind of value: escaped and non-ASCII text, enums, dates, times, decimals, masked fields.
/// </summary>
public sealed class AuditCreatedTextTests
{
    private sealed class NoScope : IRegionScope { public string? CountyCode => null; }

    private static IModel Model()
    {
        using var db = new SqliteTalentHubDbContext(
            new DbContextOptionsBuilder<SqliteTalentHubDbContext>().UseSqlite("Data Source=:memory:").Options,
            new NoScope(), new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)));
        return db.Model;
    }

    /// <summary>The interceptor's rule and the dictionary it serializes (the text before imp8a).</summary>
    private static string Reference(IEntityType type, Dictionary<string, object?> values, Dictionary<string, object?> shown)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in type.GetProperties())
        {
            if (AuditInterceptor.Skipped.Contains(property.Name) || property.IsShadowProperty() && !property.IsForeignKey()) continue;
            if (!values.TryGetValue(property.Name, out var value) || value is null) continue;
            changes[property.Name] = [null, shown.TryGetValue(property.Name, out var s) ? s : value];
        }
        return JsonSerializer.Serialize(changes, new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        });
    }

    [Fact]
    public void APersonsText_IsTheDictionarysText_ByteForByte()
    {
        var type = Model().FindEntityType(typeof(Person))!;
        var values = new Dictionary<string, object?>
        {
            ["Id"] = 42, ["Name"] = "王\"小</script>明\\😀\n", ["IdNumber"] = "33052319900101123X", ["IdNumberHash"] = "abc",
            ["Sex"] = Sex.Female, ["BirthDate"] = new DateOnly(1990, 1, 1), ["Mobile"] = null, ["Email"] = "a&b@example.org",
            ["RegionCode"] = "330523108204", ["CountyCode"] = "330523000000", ["Education"] = EducationLevel.Bachelor,
            ["Notes"] = "<b>备注</b> 'x'", ["CreatedAt"] = new DateTimeOffset(2027, 3, 1, 8, 30, 15, 123, TimeSpan.FromHours(8)),
            ["UpdatedAt"] = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), ["Version"] = 3,
        };
        var shown = new Dictionary<string, object?>
        {
            ["IdNumber"] = Masking.IdNumber("33052319900101123X"), ["Email"] = "***", ["Sex"] = "Female", ["Education"] = "Bachelor",
        };

        var text = AuditInterceptor.Created(type, p => values.GetValueOrDefault(p.Name));

        Assert.Equal(Reference(type, values, shown), text);
        Assert.DoesNotContain("33052319900101123X", text);
    }

    [Fact]
    public void AVenturesText_WithDecimalsAndForeignKeys_IsTheDictionarysText_AndRepeatedCallsDoNotMix()
    {
        var type = Model().FindEntityType(typeof(Venture))!;
        var first = new Dictionary<string, object?>
        {
            ["PersonId"] = 7, ["Origin"] = EntrepreneurOrigin.CollegeGraduate, ["ReturnedOn"] = new DateOnly(2024, 3, 1),
            ["Name"] = "茶园", ["Investment"] = 12.50m, ["JobsCreated"] = 0, ["EntityId"] = null,
        };
        var second = new Dictionary<string, object?> { ["PersonId"] = 8, ["Origin"] = EntrepreneurOrigin.CollegeGraduate, ["Investment"] = -0.1m };
        var shown = new Dictionary<string, object?> { ["Origin"] = "CollegeGraduate" };

        var one = AuditInterceptor.Created(type, p => first.GetValueOrDefault(p.Name));
        var two = AuditInterceptor.Created(type, p => second.GetValueOrDefault(p.Name));

        Assert.Equal(Reference(type, first, shown), one);
        Assert.Equal(Reference(type, second, shown), two);
    }

    /// <summary>
    /// Review13: an audit text over the column's 8,000 characters was cut mid-JSON and shown on /Admin/Audit as raw text. A
    /// person imported with a 1,000-character Chinese note (each character written as \uXXXX) and long text fields now
    /// keeps every field, the long texts shortened with "…", and reads as fields again.
    /// </summary>
    [Fact]
    public void ATextOverTheColumn_StaysJson_WithItsLongTextsShortened()
    {
        var type = Model().FindEntityType(typeof(Person))!;
        var notes = string.Concat(Enumerable.Repeat("备注很长😀", 2000));
        var values = new Dictionary<string, object?>
        {
            ["Id"] = 42, ["Name"] = "王小明", ["Notes"] = notes, ["Skills"] = new string('技', 500), ["Sex"] = Sex.Female,
        };

        var text = AuditInterceptor.Created(type, p => values.GetValueOrDefault(p.Name));
        var fields = TalentHub.Web.Pages.Admin.AuditModel.Parse(text);

        Assert.True(text.Length <= 8000, $"{text.Length} characters");
        Assert.NotNull(fields);
        var shown = fields.ToDictionary(f => f.Field, f => f.After.ValueKind == JsonValueKind.String ? f.After.GetString() : f.After.GetRawText());
        Assert.Equal("王小明", shown["Name"]);
        Assert.Equal("Female", shown["Sex"]);
        Assert.EndsWith("…", shown["Notes"]);
        Assert.StartsWith("备注很长😀", shown["Notes"]);
        Assert.True(shown["Notes"]!.Length < notes.Length);
        Assert.DoesNotContain("\uFFFD", shown["Notes"]!);
    }

    [Fact]
    public void AChangeOverTheColumn_StaysJson_AndAShortOneIsUnchanged()
    {
        var figures = "{\"Month\":\"2026-11\"," + string.Concat(Enumerable.Repeat("\"Cell\":{\"Target\":220.0,\"Actual\":40},", 400)) + "}";
        var longChange = new Dictionary<string, object?[]> { ["Figures"] = [figures, figures + " "], ["Regenerations"] = [0, 1] };
        var shortChange = new Dictionary<string, object?[]> { ["Notes"] = ["旧", "新"] };

        var text = AuditInterceptor.Serialize(longChange);
        var fields = TalentHub.Web.Pages.Admin.AuditModel.Parse(text);

        Assert.True(text.Length <= 8000, $"{text.Length} characters");
        Assert.Equal(["Figures", "Regenerations"], fields!.Select(f => f.Field));
        Assert.Equal("{\"Notes\":[\"旧\",\"新\"]}", AuditInterceptor.Serialize(shortChange));
    }

    [Fact]
    public void ChineseIsWrittenAsItself_ButMarkupStaysEscaped()
    {
        var change = new Dictionary<string, object?[]> { ["Notes"] = [null, "安吉<script>&"] };

        var text = AuditInterceptor.Serialize(change);

        Assert.Contains("安吉", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("&", text);
    }
}
