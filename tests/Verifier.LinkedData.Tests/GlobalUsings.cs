// The namespaces most of these tests name: one list here instead of the same header in every file.
global using System.Text;
global using System.Text.Json;
global using Verifier.LinkedData.Contexts;
global using Verifier.LinkedData.JsonLd;
global using Verifier.LinkedData.Rdf;
global using Verifier.LinkedData.Tests.TestSupport;
