using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Verifier.Http;
using Verifier.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// App settings arrive as environment variables (Verifier__Http__MaxBodyBytes, Verifier__RequestDeadline, …).
builder.Services.AddVerifierHttp(builder.Configuration);

// Deployed instances share fetched documents through the blob container infra/ creates (Verifier__Cache__…);
// without that configuration the in-memory cache works alone.
builder.Services.AddVerifierBlobCache(builder.Configuration);

builder.Build().Run();
