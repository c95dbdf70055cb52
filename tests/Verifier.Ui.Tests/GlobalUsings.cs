// The namespaces most of these tests name: one list here instead of the same header in every file.
global using Microsoft.Playwright;
global using Verifier.Ui.Tests.TestSupport;
