namespace TalentHub.Benchmarks.Data;

/// <summary>
/// How much data a run generates. <see cref="Enrollments"/> per course is the city's ~100 (1,000,000 enrollments
/// over 10,000 courses a year); <see cref="Farmers"/> people get a farmer login (the benchmark needs at least 81:
/// 40 for the check-in classroom, 1 + 8 + 32 for the enrollment levels).
/// </summary>
public sealed record Scale(string Name, int People, int Courses, int EnrollmentsPerCourse, int Farmers)
{
    public static readonly Scale Tiny = new("tiny", 600, 24, 20, 100);
    public static readonly Scale Small = new("small", 10_000, 1_000, 100, 500);
    public static readonly Scale City = new("city", 100_000, 10_000, 100, 5_000);
    public static readonly Scale Province = new("province", 1_000_000, 100_000, 100, 50_000);

    public static Scale? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "tiny" => Tiny, "small" => Small, "city" => City, "province" => Province, _ => null,
    };

    /// <summary>Total enrollments of the history (the open benchmark courses come on top).</summary>
    public long Enrollments => (long)Courses * EnrollmentsPerCourse;
}
