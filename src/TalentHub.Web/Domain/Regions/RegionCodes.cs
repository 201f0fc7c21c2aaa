namespace TalentHub.Web.Domain.Regions;

/// <summary>Rules of the 12-digit statistical division code: 2 province, 2 city, 2 county, 3 township, 3 village.</summary>
public static class RegionCodes
{
    /// <summary>Exactly 12 ASCII digits; says nothing about whether the region exists.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: 12 } && code.All(char.IsAsciiDigit);

    /// <summary>The level read from the trailing zeros of a 12-digit code (which the caller has checked with <see cref="IsValid"/>).</summary>
    public static RegionLevel LevelOf(string code)
    {
        if (code[4..] == "00000000") return RegionLevel.City;
        if (code[6..] == "000000") return RegionLevel.County;
        if (code[9..] == "000") return RegionLevel.Township;
        return RegionLevel.Village;
    }

    /// <summary>The county-level code a region belongs to, or null for a city (or anything above).</summary>
    public static string? CountyOf(string code) =>
        LevelOf(code) == RegionLevel.City ? null : code[..6] + "000000";

    /// <summary>True when <paramref name="code"/> lies inside (or is) <paramref name="ancestor"/>; false when either is not a 12-digit code.</summary>
    public static bool IsWithin(string code, string ancestor) => IsValid(code) && IsValid(ancestor) && LevelOf(ancestor) switch
    {
        RegionLevel.City => code[..4] == ancestor[..4],
        RegionLevel.County => code[..6] == ancestor[..6],
        RegionLevel.Township => code[..9] == ancestor[..9],
        _ => code == ancestor,
    };
}
