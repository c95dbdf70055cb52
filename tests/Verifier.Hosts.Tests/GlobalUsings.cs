// The namespaces most of these tests name: one list here instead of the same header in every file.
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Verifier.Http;
global using Verifier.Hosts.Tests.TestSupport;
