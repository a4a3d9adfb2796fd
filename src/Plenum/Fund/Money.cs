using System.Globalization;

namespace Plenum.Fund;

/// <summary>Amounts as whole numbers of a currency's minor unit (cents), read from and written for people.</summary>
public static class Money
{
    /// <summary>The largest amount one entry may carry, in whole units: far above any group's needs, far below overflow.</summary>
    public const long MaxWholeUnits = 100_000_000;

    static readonly HashSet<string> NoMinorUnit = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
    static readonly HashSet<string> ThreeDigits = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    /// <summary>Digits after the decimal point in the currency (ISO 4217), 2 for most.</summary>
    public static int Digits(string currency) => NoMinorUnit.Contains(currency) ? 0 : ThreeDigits.Contains(currency) ? 3 : 2;

    public static long MinorPerWhole(string currency) => (long)Math.Pow(10, Digits(currency));

    public static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>"12", "12.5", "12.50" or "12,50" into minor units; refuses anything else with a reason.</summary>
    public static long Parse(string? input, string currency, string what = "The amount")
    {
        var text = (input ?? "").Trim().Replace(',', '.');
        if (text.Length == 0) throw new FundRuleException($"{what} is missing.");
        if (text.StartsWith('-')) throw new FundRuleException($"{what} cannot be negative; to undo an entry, reverse it.");
        var digits = Digits(currency);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new FundRuleException($"{what} is not a number: write it like {Example(currency)}.");
        if (value.Scale > digits && decimal.Round(value, digits) != value)
            throw new FundRuleException(digits == 0 ? $"{what} in {currency} has no decimals." : $"{what} has at most {digits} decimals in {currency}.");
        if (value <= 0) throw new FundRuleException($"{what} must be more than zero.");
        if (value > MaxWholeUnits) throw new FundRuleException($"{what} is too large: at most {Format(MaxWholeUnits * MinorPerWhole(currency), currency)} per entry.");
        return (long)(value * MinorPerWhole(currency));
    }

    public static string Format(long minor, string currency)
    {
        var digits = Digits(currency);
        var value = (decimal)minor / MinorPerWhole(currency);
        return $"{value.ToString("N" + digits, CultureInfo.InvariantCulture)} {currency}";
    }

    /// <summary>The plain number, as a form field or a spreadsheet takes it (no grouping, point as separator).</summary>
    public static string Plain(long minor, string currency) =>
        ((decimal)minor / MinorPerWhole(currency)).ToString("F" + Digits(currency), CultureInfo.InvariantCulture);

    static string Example(string currency) => Digits(currency) == 0 ? "1500" : "12.50";
}
