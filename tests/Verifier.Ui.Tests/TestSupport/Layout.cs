namespace Verifier.Ui.Tests.TestSupport;

public static class Layout
{
    /// <summary>True when nothing makes the page wider than its window (no sideways scrolling).</summary>
    public static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth");
}
