using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Verifier.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// App settings arrive as environment variables (Verifier__Http__MaxBodyBytes, Verifier__RequestDeadline, …).
builder.Services.AddVerifierHttp(builder.Configuration);

builder.Build().Run();
