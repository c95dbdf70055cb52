using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Verifier.Core.Engine.Settings;

/// <summary>
/// A duration setting's bounds, inclusive. <c>[Range(typeof(TimeSpan), …)]</c> converts its bounds through a
/// TypeConverter found by reflection, which trimming may remove (obverify is published as Native AOT); these bounds are
/// parsed once, invariantly, with the message RangeAttribute would give.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    /// <summary>The bounds as written, for messages and the settings table.</summary>
    public string MinimumText { get; } = minimum;

    public string MaximumText { get; } = maximum;

    public override bool IsValid(object? value) => value is not TimeSpan t || (t >= Minimum && t <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name, MinimumText, MaximumText);
}
