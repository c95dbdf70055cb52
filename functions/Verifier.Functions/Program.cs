using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Verifier.Http;
using Verifier.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// App settings arrive as environment variables (Verifier__Http__MaxBodyBytes, Verifier__RequestDeadline, …).
builder.Services.AddVerifierHttp(builder.Configuration);

// The shared blob tier of the document cache when Verifier:Cache is configured (docs/fetching.md); else memory only.
builder.Services.AddVerifierBlobCache(builder.Configuration);

builder.Build().Run();
