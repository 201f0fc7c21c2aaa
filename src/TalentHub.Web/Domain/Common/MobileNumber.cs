namespace TalentHub.Web.Domain.Common;

/// <summary>Mainland China mobile number: 11 digits, "1" followed by 3–9.</summary>
public static class MobileNumber
{
    public const int Length = 11;

    /// <summary>Accepts an optional "+86"/"86" prefix and spaces/hyphens; outputs the bare 11 digits.</summary>
    public static bool TryParse(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = string.Concat(TextNormalizer.Normalize(input).Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (compact.StartsWith("+86", StringComparison.Ordinal))
        {
            compact = compact[3..];
        }
        else if (compact.Length == Length + 2 && compact.StartsWith("86", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }

        if (compact.Length != Length || !compact.All(char.IsAsciiDigit) || compact[0] != '1' || compact[1] is < '3' or > '9')
        {
            return false;
        }

        normalized = compact;
        return true;
    }
}
