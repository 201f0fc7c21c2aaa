using System.Globalization;

namespace TalentHub.Web.Domain.Common;

/// <summary>Masks personal data for display; null or empty input yields an empty string.</summary>
public static class Masking
{
    /// <summary>"330523199001011234" → "330523********1234".</summary>
    public static string IdNumber(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;

        // Keeping 6 + 4 characters of anything shorter would reveal (almost) all of it.
        return trimmed.Length <= 10
            ? new string('*', trimmed.Length)
            : $"{trimmed[..6]}********{trimmed[^4..]}";
    }

    /// <summary>"13812345678" (also "+86 138-1234-5678") → "138****5678".</summary>
    public static string Mobile(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (MobileNumber.TryParse(trimmed, out var normalized))
        {
            trimmed = normalized;
        }

        return trimmed.Length <= 7
            ? new string('*', trimmed.Length)
            : $"{trimmed[..3]}****{trimmed[^4..]}";
    }

    /// <summary>"zhangsan@example.com" → "z***n@example.com", "ab@x.cn" → "a*@x.cn"; the domain stays readable.</summary>
    public static string Email(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        var at = trimmed.LastIndexOf('@');
        if (at <= 0) return new string('*', trimmed.Length);
        var local = trimmed[..at];
        var masked = local.Length switch
        {
            1 => "*",
            2 => local[..1] + "*",
            _ => local[..1] + "***" + local[^1..],
        };
        return masked + trimmed[at..];
    }

    /// <summary>"张三" → "张*", "王小明" → "王*明", "欧阳明华" → "欧**华".</summary>
    public static string Name(string? value)
    {
        // Text elements rather than chars, so rare CJK characters outside the BMP count as one.
        var info = new StringInfo(value?.Trim() ?? string.Empty);
        var length = info.LengthInTextElements;
        return length switch
        {
            0 => string.Empty,
            1 => "*",
            2 => info.SubstringByTextElements(0, 1) + "*",
            _ => info.SubstringByTextElements(0, 1) + new string('*', length - 2) + info.SubstringByTextElements(length - 1),
        };
    }

    /// <summary>
    /// <paramref name="text"/> with every occurrence of the person's full <paramref name="name"/> masked as
    /// <see cref="Name"/> masks it ("白婷婷返乡创业" → "白*婷返乡创业"), for free text published beside the masked name; a name
    /// of fewer than two characters is left alone (masking it would mask that character everywhere). Null text yields "".
    /// </summary>
    public static string NameIn(string? text, string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (string.IsNullOrEmpty(text) || new StringInfo(trimmed).LengthInTextElements < 2) return text ?? string.Empty;
        return text.Replace(trimmed, Name(trimmed), StringComparison.Ordinal);
    }
}
