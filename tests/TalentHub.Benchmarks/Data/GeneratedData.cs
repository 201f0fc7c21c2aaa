using System.Text.Json;

namespace TalentHub.Benchmarks.Data;

/// <summary>A login the benchmark drives: the farmer's mobile (the login name) and person id.</summary>
public sealed record Farmer(string Mobile, int PersonId);

/// <summary>
/// What the generator wrote and what the metrics need from it; saved as bench-data.json next to the database so a
/// later run with <c>--data</c> reuses the database without generating again.
/// </summary>
public sealed record GeneratedData(
    string Scale,
    Dictionary<string, long> Rows,
    double Seconds,
    string NameFragment,
    int StoryPersonId,
    IReadOnlyList<int> OpenCourseIds,
    int CheckInCourseId,
    int CheckInSessionId,
    string CheckInSecret,
    IReadOnlyList<Farmer> ClassroomFarmers,
    IReadOnlyList<Farmer> EnrollFarmers)
{
    public const string FileName = "bench-data.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static GeneratedData? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<GeneratedData>(File.ReadAllText(path)) : null;
    }
}
