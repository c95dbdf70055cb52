using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Verifier.Core.Engine.Settings;
using Verifier.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// App settings arrive as environment variables (Verifier__Http__MaxBodyBytes, Verifier__RequestDeadline, …).
builder.Services.AddVerifierFunctions(builder.Configuration);

try
{
    var host = builder.Build();
    host.Services.ValidateSettingsNow();
    host.Run();
    return 0;
}
catch (Exception e) when (SettingsRegistration.Describe(e) is { Count: > 0 } problems)
{
    // A wrong app setting stops the worker at start with the keys to fix (in the host's log stream), not a stack trace.
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    return 2;
}
