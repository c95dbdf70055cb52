namespace Verifier.Ui.Tests.TestSupport;

/// <summary>One host and one Chromium for all UI tests, run one class at a time (2 shared cores on CI).</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiHost>
{
    public const string Name = "ui";
}
