using System.Globalization;
using System.Text;

namespace Verifier.LinkedData.Jcs;

/// <summary>
/// Serializes a double as ECMAScript's Number.prototype.toString does (ECMA-262 §6.1.6.1.20 Number::toString),
/// which RFC 8785 §3.2.2.3 requires for JSON numbers. .NET's "R" format already yields the shortest round-trip
/// digits; only the layout (where the point goes, when to switch to exponent form) differs.
/// </summary>
internal static class EcmaNumber
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            // RFC 8785 §3.2.2.3: NaN and Infinity are not valid JSON numbers.
            throw new ArgumentOutOfRangeException(nameof(value), "NaN and Infinity have no JSON form");
        }

        if (value == 0)
        {
            return "0"; // also for -0 (ECMA-262: "-0" serializes as "0")
        }

        var sb = new StringBuilder(24);
        if (value < 0)
        {
            sb.Append('-');
            value = -value;
        }

        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            // Integer: the digits followed by n-k zeros.
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            var e = n - 1;
            sb.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// The shortest decimal digits s (no leading/trailing zeros) and exponent n with value = 0.s × 10^n, as ECMA-262
    /// defines them. Positive finite input only.
    /// </summary>
    internal static (string Digits, int N) ShortestDigits(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var mantissa = shortest;
        var exp = 0;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            mantissa = shortest[..ePos];
            exp = int.Parse(shortest.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = point < 0 ? mantissa : mantissa[..point];
        string fracPart = point < 0 ? string.Empty : mantissa[(point + 1)..];
        var all = intPart + fracPart;
        var n = intPart.Length + exp;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        all = all[lead..];
        n -= lead;
        var end = all.Length;
        while (end > 1 && all[end - 1] == '0')
        {
            end--;
        }

        return (all[..end], n);
    }
}
