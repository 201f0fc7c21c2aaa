using System.ComponentModel.DataAnnotations;
using TalentHub.Web.Services.People;
using TalentHub.Web.Domain.Common;
using TalentHub.Web.Services;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TalentHub.Web.Data;
using TalentHub.Web.Domain;
using TalentHub.Web.Domain.Regions;
using TalentHub.Web.Infrastructure;

namespace TalentHub.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by Shanghai date range, user, action, record type and id, county and a farmer's mobile.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(TalentHubDbContext db, IStringLocalizer<SharedResource> l, RegionDirectory regions, PersonalDataProtector protector,
    Services.Audit.AuditLinks links) : PageModel
{
    public const int PageSize = 25;
    /// <summary>The most entries one export holds (the import's row cap): more must be narrowed by the filters first.</summary>
    public const int MaxExportRows = 100_000;

    public sealed record Change(string Field, string? Before, string? After);
    public sealed record Row(long Id, DateTimeOffset At, string UserName, AuditAction Action, string EntityType, string? EntityId,
        string? County, string? Link, IReadOnlyList<Change> Changes, IReadOnlyList<Services.Audit.AuditNoteText.Item>? Note, string? Summary);

    [Display(Name = "Audit.From")] [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [Display(Name = "Audit.To")] [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [Display(Name = "Audit.Action")] [BindProperty(SupportsGet = true, Name = "action")] public AuditAction? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    /// <summary>A county's code: the entries of its records (parts of a record carry their owner's county, <see cref="AuditCounty"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    /// <summary>
    /// A farmer's mobile: records about the person with that mobile (found by its keyed hash, never stored in clear),
    /// their account and their enrollments, and what they did themselves.
    /// </summary>
    [BindProperty(SupportsGet = true)] public string? Mobile { get; set; }
    /// <summary>From the query string only: Razor Pages also has a route value named "page" (the page path).</summary>
    [PageQuery] public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Types { get; private set; } = [];

    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["user"] = UserName, ["action"] = Kind?.ToString(), ["Type"] = Type, ["Id"] = Id, ["County"] = County, ["Mobile"] = Mobile,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = await FilteredAsync(cancellationToken);
        var paged = await Paged.ReadAsync(query, PageNumber, PageSize, cancellationToken);
        (PageNumber, Total) = (paged.Number, paged.Total);
        Rows = await RowsAsync(paged.Items, cancellationToken);
    }

    /// <summary>
    /// <c>/Admin/Audit?handler=Export&amp;format=xlsx|csv&amp;{filters}</c>: every entry the filters match (all pages, newest
    /// first), each cell as the page words it except the time, a real date-time cell (.xlsx) or ISO 8601 text (.csv), the export itself audited (a searched mobile masked). A refused filter sends no
    /// file: back to the list, which marks the value; a format other than xlsx or csv is a 400.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] Services.Audit.AuditLog audit, [FromServices] TimeProvider clock,
        CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return BadRequest();
        var query = await FilteredAsync(ct);
        if (!ModelState.IsValid) return Redirect("/Admin/Audit" + Microsoft.AspNetCore.Http.QueryString.Create(Request.Query.Where(q => q.Key is not ("handler" or "format"))));
        if (await query.CountAsync(ct) is var matching && matching > MaxExportRows)
        {
            // The log grows by two rows per imported person; a file is bounded work and memory, so narrow it first.
            ModelState.AddModelError("", l["Audit.ExportTooMany", matching, MaxExportRows]);
            await OnGetAsync(ct);
            return Page();
        }
        var rows = await RowsAsync(await query.ToListAsync(ct), ct);
        var sheet = new Services.Spreadsheets.SheetData(l["Audit.Title"],
            [l["Audit.At"], l["Audit.User"], l["Audit.Action"], l["Audit.Record"], l["Audit.County"], l["Audit.Changes"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.At, r.UserName, l["AuditAction." + r.Action].Value,
                TypeLabel(r.EntityType) + (r.EntityId is null ? "" : " " + IdLabel(r)), r.County ?? "", ChangesText(r)]));
        var note = new Services.Audit.AuditNote().With(Services.Audit.AuditNoteKeys.Format, format).With(Services.Audit.AuditNoteKeys.Rows, rows.Count)
            .With(Services.Audit.AuditNoteKeys.From, From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With(Services.Audit.AuditNoteKeys.To, To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With(Services.Audit.AuditNoteKeys.User, UserName?.Trim()).With(Services.Audit.AuditNoteKeys.Action, Kind)
            .With(Services.Audit.AuditNoteKeys.RecordType, Type).With(Services.Audit.AuditNoteKeys.RecordId, Id?.Trim())
            .With(Services.Audit.AuditNoteKeys.County, County)
            .With(Services.Audit.AuditNoteKeys.Search, string.IsNullOrWhiteSpace(Mobile) ? null : Services.Spreadsheets.ExportLinks.MaskSearch(Mobile));
        audit.Record(AuditAction.Export, nameof(AuditEntry), null, note);
        await db.SaveChangesAsync(ct);
        return Services.Spreadsheets.ExportLinks.File(sheet,
            await Services.Spreadsheets.ExportLinks.NameAsync(l, "Download.Audit", regions, County, clock, ct), csv: format == "csv");
    }

    /// <summary>The export link for <paramref name="format"/> (xlsx or csv) with the current filters.</summary>
    public string ExportUrl(string format) => Services.Spreadsheets.ExportLinks.HandlerUrl("/Admin/Audit", Query, format);

    /// <summary>An entry's changes cell as one line, as the page lists it: a note's items, a summary, or field: before → after.</summary>
    private string ChangesText(Row row)
    {
        if (row.Note is not null) return string.Join("; ", row.Note.Select(i => $"{i.Label}: {i.Value}"));
        if (row.Summary is not null) return row.Summary;
        return string.Join("; ", row.Changes.Select(c => c.Field + ": " + (row.Action switch
        {
            AuditAction.Create => c.After ?? "—",
            AuditAction.Delete => c.Before ?? "—",
            _ => (c.Before ?? "—") + " → " + (c.After ?? "—"),
        })));
    }

    /// <summary>The entries the filters match, newest first (none when a filter value was refused, its error in ModelState).</summary>
    private async Task<IQueryable<AuditEntry>> FilteredAsync(CancellationToken cancellationToken)
    {
        if (From > To) (From, To) = (To, From);
        var query = db.AuditEntries.AsNoTracking();
        if (From is { } from) { var start = StartOf(from); query = query.Where(a => a.At >= start); }
        if (To is { } to) { var end = StartOf(to.AddDays(1)); query = query.Where(a => a.At < end); }
        if (!string.IsNullOrWhiteSpace(UserName)) { var user = UserName.Trim(); query = query.Where(a => a.UserName.StartsWith(user)); }
        if (Kind is { } kind) query = query.Where(a => a.Action == kind);
        Types = AuditedTypes.Names;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (!Types.Contains(Type)) ModelState.Refuse("Type", l);
            query = query.Where(a => a.EntityType == Type);
        }
        if (!string.IsNullOrWhiteSpace(Id)) { var id = Id.Trim(); query = query.Where(a => a.EntityId == id); }
        _tree = await regions.GetAsync(cancellationToken);
        if (!string.IsNullOrEmpty(County) && ModelState.CheckRegion("County", County, RegionLevel.County, _tree, null, l))
            query = query.Where(a => a.CountyCode == County);
        if (!string.IsNullOrWhiteSpace(Mobile)) query = await ByMobileAsync(query, Mobile, cancellationToken);
        if (ModelState.Refused()) query = query.Where(a => false);
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    /// <summary>The entries as rows: region, user and enum values named, notes worded, links to the records.</summary>
    private async Task<List<Row>> RowsAsync(IReadOnlyList<AuditEntry> page, CancellationToken cancellationToken)
    {
        var tree = _tree!;
        var parsed = page.Select(a => (Entry: a, Changes: Parse(a.Changes))).ToList();
        var values = parsed.SelectMany(p => p.Changes ?? []).SelectMany(c => new[] { (c.Field, c.Before), (c.Field, c.After) })
            .Where(v => v.Item2.ValueKind == JsonValueKind.String).Select(v => (v.Field, Text: v.Item2.GetString()!)).ToList();
        var regionCodes = values.Where(v => v.Field.EndsWith("Code", StringComparison.Ordinal) && v.Text.Length == 12).Select(v => v.Text)
            .Concat(page.Select(a => a.CountyCode).OfType<string>())
            .Concat(parsed.Where(p => p.Changes is null).SelectMany(p => Services.Audit.AuditNoteText.RegionCodes(p.Entry.Changes))).Distinct().ToList();
        _regions = regionCodes.Where(c => tree.Find(c) is not null).ToDictionary(c => c, c => tree.NameOf(c)!);
        var userIds = values.Where(v => v.Field.EndsWith("UserId", StringComparison.Ordinal)).Select(v => v.Text).Distinct().ToList();
        _users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);

        var linkOf = await links.ForAsync(page, cancellationToken);
        var references = await ReferencesAsync(parsed.Where(p => p.Changes is null).Select(p => p.Entry.Changes).ToList(), cancellationToken);
        var notes = new Services.Audit.AuditNoteText(l, _labels, code => _regions.GetValueOrDefault(code),
            (kind, id) => references.GetValueOrDefault((kind, id)));
        // Jobs and imports write as "system": shown as the word for it in the viewer's language (the filter still takes "system").
        return parsed.Select(p => new Row(p.Entry.Id, p.Entry.At,
            p.Entry.UserName == Services.Audit.CurrentActor.SystemName ? l["Audit.SystemActor"].Value : p.Entry.UserName, p.Entry.Action, p.Entry.EntityType, p.Entry.EntityId,
            p.Entry.CountyCode is { } c && _regions.TryGetValue(c, out var county) ? county : null, linkOf.GetValueOrDefault(p.Entry.Id),
            p.Changes?.Where(c => c.Field != "Id")
                .Select(c => new Change(_labels.Field(p.Entry.EntityType, c.Field) ?? c.Field, Show(p.Entry.EntityType, c.Field, c.Before), Show(p.Entry.EntityType, c.Field, c.After))).ToList() ?? [],
            p.Changes is null ? notes.Show(p.Entry.EntityType, p.Entry.Changes) : null,
            p.Changes is null ? SummaryText(p.Entry.EntityType, p.Entry.Changes) : null)).ToList();
    }

    /// <summary>
    /// The courses and people named in this page's notes, one query each, through the viewer's region scope (a record the
    /// viewer may not see is left out and its id shown): course title, person masked name and ID number, with their pages.
    /// </summary>
    private async Task<Dictionary<(Services.Audit.AuditNoteValue, string), Services.Audit.AuditNoteText.Reference>> ReferencesAsync(
        IReadOnlyList<string?> notes, CancellationToken ct)
    {
        var result = new Dictionary<(Services.Audit.AuditNoteValue, string), Services.Audit.AuditNoteText.Reference>();
        var courseIds = notes.SelectMany(n => Services.Audit.AuditNoteText.Ids(n, Services.Audit.AuditNoteValue.Course)).Distinct().ToList();
        var personIds = notes.SelectMany(n => Services.Audit.AuditNoteText.Ids(n, Services.Audit.AuditNoteValue.Person)).Distinct().ToList();
        if (courseIds.Count > 0)
            foreach (var c in await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
                result[(Services.Audit.AuditNoteValue.Course, c.Id.ToString(CultureInfo.InvariantCulture))] = new(c.Title, $"/Courses/{c.Id}");
        if (personIds.Count > 0)
            foreach (var p in await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.IdNumber }).ToListAsync(ct))
                result[(Services.Audit.AuditNoteValue.Person, p.Id.ToString(CultureInfo.InvariantCulture))] =
                    new($"{Masking.Name(p.Name)} {Masking.IdNumber(p.IdNumber)}", $"/People/{p.Id}");
        return result;
    }

    private async Task<IQueryable<AuditEntry>> ByMobileAsync(IQueryable<AuditEntry> query, string mobile, CancellationToken ct)
    {
        if (!MobileNumber.TryParse(mobile, out var normalized))
        {
            ModelState.AddModelError(nameof(Mobile), l["Audit.MobileInvalid"]);
            return query.Where(a => false);
        }
        var hash = protector.Hash(normalized);
        var people = await db.People.IgnoreQueryFilters([RegionFilter.Name]).Where(p => p.MobileHash == hash)
            .Select(p => p.Id).ToListAsync(ct);
        var personIds = people.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var userName = FarmerAccounts.UserNameFor(hash);
        var userIds = await db.Users.Where(u => u.UserName == userName || (u.PersonId != null && people.Contains(u.PersonId.Value)))
            .Select(u => u.Id).ToListAsync(ct);
        var enrollmentIds = (await db.Enrollments.IgnoreQueryFilters().Where(e => people.Contains(e.PersonId)).Select(e => e.Id).ToListAsync(ct))
            .Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        return query.Where(a => (a.EntityType == "Person" && personIds.Contains(a.EntityId!))
            || (a.EntityType == "User" && userIds.Contains(a.EntityId!))
            || (a.EntityType == "Enrollment" && enrollmentIds.Contains(a.EntityId!))
            || (a.UserId != null && userIds.Contains(a.UserId)));
    }

    private RegionTree? _tree;
    private Dictionary<string, string> _regions = [];
    private Dictionary<string, string> _users = [];

    private readonly AuditLabels _labels = new(l);

    /// <summary>
    /// The label of an <c>AuditEntry.EntityType</c> in the viewer's language; a type the table does not know (a row written by
    /// an older version) as "other record" with the stored name, never the bare identifier.
    /// </summary>
    public string TypeLabel(string type) => _labels.Type(type) ?? l["Audit.Entity.Other", type].Value;

    /// <summary>The record cell's id: a named id by its label (a role), else "#id"; "" when the entry has no id.</summary>
    public string IdLabel(Row row) => row.EntityId is null ? "" : _labels.Id(row.EntityType, row.EntityId) ?? "#" + row.EntityId;

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ShanghaiTime.Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Reads the interceptor's JSON <c>{ "Prop": [before, after] }</c>; null when the text is something else
    /// (the plain summary of an import, export or reveal, or a log line cut short).
    /// </summary>
    public static IReadOnlyList<(string Field, JsonElement Before, JsonElement After)>? Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes) || !changes.TrimStart().StartsWith('{')) return null;
        try
        {
            using var doc = JsonDocument.Parse(changes);
            var list = new List<(string, JsonElement, JsonElement)>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2) return null;
                list.Add((property.Name, property.Value[0].Clone(), property.Value[1].Clone()));
            }
            return list;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string? Show(string entityType, string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => ShowText(entityType, field, value.GetString()!),
        JsonValueKind.True => l["Audit.Yes"],
        JsonValueKind.False => l["Audit.No"],
        JsonValueKind.Object or JsonValueKind.Array => JsonText(entityType, field, value.GetRawText()) ?? value.GetRawText(),
        // A decimal as its value, not its stored scale: SQLite hands back 33.0 for a target saved as 33, so a change read
        // "33.0 → 0" (review34a).
        JsonValueKind.Number when value.TryGetDecimal(out var number) =>
            number.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };

    /// <summary>
    /// A JSON value (a dispatch report's figures, an object) as "label: value" lines, one per line of the page's cell and of
    /// the export's cell; null when not JSON.
    /// </summary>
    private string? JsonText(string entityType, string field, string text) =>
        Services.Audit.AuditJsonText.Lines(entityType, field, text, l) is { } lines ? string.Join("\n", lines) : null;

    /// <summary>An entry that is neither changes nor a note, as stored; JSON of another shape (cut short) as readable lines.</summary>
    private string? SummaryText(string entityType, string? stored) =>
        stored is null ? null : JsonText(entityType, "", stored) ?? stored;

    private string ShowText(string entityType, string field, string text)
    {
        if (JsonText(entityType, field, text) is { } json) return json;
        if (_labels.EnumValue(entityType, field, text) is { } label) return label;
        // An API token's resources are stored as their names ("people,indicators"): shown by their labels, as on its page.
        if (entityType == Services.Api.ApiTokens.AuditType && field == "Resources")
            return string.Join(l["Common.ListSeparator"].Value, text.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => l["ApiTokens.Resource." + r] is { ResourceNotFound: false } name ? name.Value : r));
        if (field.EndsWith("Code", StringComparison.Ordinal) && _regions.TryGetValue(text, out var region)) return region;
        if (field.EndsWith("UserId", StringComparison.Ordinal) && _users.TryGetValue(text, out var user)) return user;
        if (text.Length > 10 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            return ShanghaiTime.FormatDateTime(instant);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return ShanghaiTime.FormatDate(date);
        return text;
    }
}
