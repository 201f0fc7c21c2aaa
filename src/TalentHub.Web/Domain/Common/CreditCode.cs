namespace TalentHub.Web.Domain.Common;

/// <summary>Unified social credit code (统一社会信用代码, GB 32100-2015).</summary>
public static class CreditCode
{
    public const int Length = 18;

    // The index of a character is its numeric value; I, O, Z, S and V are excluded by the standard.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// The code as stored: NFKC (full-width letters and digits), invisible characters and every space removed — a code
    /// has none, and people type it in groups ("9133 0523 MA2B …") — then upper case.
    /// </summary>
    public static string Normalize(string? input)
    {
        var text = TextNormalizer.Normalize(input);
        if (text.Any(char.IsWhiteSpace)) text = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return text.ToUpperInvariant();
    }

    /// <summary>Checks a code after normalizing it.</summary>
    /// <remarks><see cref="CreditCodeCheck.CheckDigitMismatch"/> is a warning: callers decide whether to accept the code.</remarks>
    public static CreditCodeCheck Check(string? input)
    {
        var code = Normalize(input);
        if (code.Length == 0)
        {
            return CreditCodeCheck.Empty;
        }

        if (code.Length != Length)
        {
            return CreditCodeCheck.WrongLength;
        }

        if (!code.All(c => Alphabet.Contains(c)))
        {
            return CreditCodeCheck.InvalidCharacters;
        }

        return ComputeCheckChar(code.AsSpan(0, Length - 1)) == code[^1]
            ? CreditCodeCheck.Valid
            : CreditCodeCheck.CheckDigitMismatch;
    }

    /// <summary>Appends the correct check character, e.g. for seed data.</summary>
    public static string Create(string first17WithoutCheck)
    {
        ArgumentNullException.ThrowIfNull(first17WithoutCheck);
        var first17 = Normalize(first17WithoutCheck);
        if (first17.Length != Length - 1 || !first17.All(c => Alphabet.Contains(c)))
        {
            throw new ArgumentException(
                "Expected 17 characters from 0-9 and A-Z excluding I, O, Z, S and V.", nameof(first17WithoutCheck));
        }

        return first17 + ComputeCheckChar(first17);
    }

    private static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
