namespace Verifier.Ui.Tests.TestSupport;

/// <summary>A browser window to test in: desktop or phone (390×844, mobile layout viewport), light or dark.</summary>
public sealed record View(string Name, int Width, int Height, bool Mobile, ColorScheme Scheme)
{
    public static readonly View DesktopLight = new("desktop-light", 1280, 900, false, ColorScheme.Light);
    public static readonly View DesktopDark = new("desktop-dark", 1280, 900, false, ColorScheme.Dark);
    public static readonly View PhoneLight = new("phone-light", 390, 844, true, ColorScheme.Light);
    public static readonly View PhoneDark = new("phone-dark", 390, 844, true, ColorScheme.Dark);

    public static IReadOnlyList<View> All { get; } = [DesktopLight, DesktopDark, PhoneLight, PhoneDark];

    public static View Named(string name) => All.Single(v => v.Name == name);

    public static View OfWidth(int width) => new($"w{width}", width, 800, width < 600, ColorScheme.Light);

    public override string ToString() => Name;
}
