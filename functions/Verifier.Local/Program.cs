using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;
using Verifier.Http;
using Verifier.Local;

// Content root = the build output, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The Functions port, so local URLs match `func start`; --urls or ASPNETCORE_URLS override it.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls(LocalHost.DefaultUrl);
}

// ASP.NET Core starts an Activity and a logging scope for every request as soon as any logger of this category is
// enabled, even at Critical, though it writes only Information records ("Request starting/finished"), which the
// default level (Warning) drops anyway: that was a measurable share of a small badge's request (docs/benchmarks/hosts.md).
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
builder.Services.AddVerifierOtlp(builder.Configuration);
// Fetched documents on disk (Verifier:Cache:Directory): after a first run the page works offline.
builder.Services.AddVerifierDiskCache(builder.Configuration);
builder.Services.AddVerifierHttp(builder.Configuration);

var app = builder.Build();
app.MapVerifierRoutes();
app.UseVerifierUi();
try
{
    // Validated before the host starts, so a wrong value is one line, not the host's start-up failure log.
    app.Services.ValidateSettingsNow();
    app.Run();
    return 0;
}
catch (Exception e) when (SettingsRegistration.Describe(e) is { Count: > 0 } problems)
{
    // A wrong setting stops the host at start with the keys to fix, not a stack trace.
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    return 2;
}
