// The namespaces most engine tests name: one list here instead of the same header in a hundred files.
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Time.Testing;
global using Verifier.Core.Baking;
global using Verifier.Core.Engine;
global using Verifier.Core.Fetching;
global using Verifier.Core.Input;
global using Verifier.Core.Keys;
global using Verifier.Core.OpenBadges2;
global using Verifier.Core.OpenBadges3;
global using Verifier.Core.Proofs;
global using Verifier.Core.Reporting;
global using Verifier.Core.Tests.OpenBadges3;
global using Verifier.Core.Tests.TestSupport;
