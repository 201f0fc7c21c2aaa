using Microsoft.EntityFrameworkCore;

namespace TalentHub.Web.Infrastructure;

/// <summary>
/// One page of a list: the requested page number clamped into [1, last page] (an empty list has one page),
/// the total number of rows, and the rows of that page.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    /// <summary>At least 1.</summary>
    public int PageCount => Paged.PageCount(Total, Size);
}

/// <summary>Reads a <see cref="Paged{T}"/> from a query.</summary>
public static class Paged
{
    /// <summary>Pages needed for <paramref name="total"/> rows of <paramref name="size"/>; at least 1.</summary>
    public static int PageCount(int total, int size) => Math.Max(1, (total + size - 1) / size);

    /// <summary>The requested page number moved into [1, last page].</summary>
    public static int Clamp(int requested, int total, int size) => Math.Clamp(requested, 1, PageCount(total, size));

    /// <summary>Counts <paramref name="ordered"/>, clamps the page number and reads that page's rows.</summary>
    public static Task<Paged<T>> ReadAsync<T>(IQueryable<T> ordered, int requested, int size, CancellationToken ct = default) =>
        ReadAsync(ordered, requested, size, rows => rows, ct);

    /// <summary>
    /// Counts <paramref name="ordered"/>, clamps the page number, and reads that page's rows through
    /// <paramref name="project"/> (joins and projections run on the page only, after Skip/Take).
    /// </summary>
    public static async Task<Paged<TRow>> ReadAsync<TSource, TRow>(IQueryable<TSource> ordered, int requested, int size,
        Func<IQueryable<TSource>, IQueryable<TRow>> project, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var number = Clamp(requested, total, size);
        var items = await project(ordered.Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<TRow>(items, number, size, total);
    }

    /// <summary>
    /// The same page as <see cref="ReadAsync{TSource,TRow}"/> in one round trip: the total rides along with every row of
    /// the page as an uncorrelated <c>(SELECT COUNT(*) …)</c>, which SQLite and PostgreSQL evaluate once per query. Only
    /// when the requested page is empty (past the end, or nothing matches beyond page 1) does it fall back to the count
    /// first and the clamped page after it, so the page number, rows and total are exactly those of ReadAsync.
    /// </summary>
    public static async Task<Paged<TRow>> ReadInOneQueryAsync<TSource, TRow>(IQueryable<TSource> ordered, int requested, int size,
        Func<IQueryable<TSource>, IQueryable<TRow>> project, CancellationToken ct = default)
    {
        var number = Math.Max(1, requested);
        if (number > int.MaxValue / size) return await ReadAsync(ordered, requested, size, project, ct);
        var rows = await project(ordered.Skip((number - 1) * size).Take(size))
            .Select(row => new CountedRow<TRow>(row, ordered.Count()))
            .ToListAsync(ct);
        if (rows.Count > 0) return new Paged<TRow>(rows.Select(r => r.Row).ToList(), number, size, rows[0].Total);
        if (number == 1) return new Paged<TRow>([], 1, size, 0);
        return await ReadAsync(ordered, requested, size, project, ct);
    }

    /// <summary>A row of a page with the total number of rows of the whole list.</summary>
    private sealed record CountedRow<TRow>(TRow Row, int Total);
}
