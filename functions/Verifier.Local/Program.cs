using Verifier.Http;
using Verifier.Local;

// Content root = the build output, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// The Functions port, so local URLs match `func start`; --urls or ASPNETCORE_URLS override it.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls(LocalHost.DefaultUrl);
}

builder.Services.AddVerifierHttp(builder.Configuration);

var app = builder.Build();
app.MapVerifierRoutes();
app.UseVerifierUi();
app.Run();
