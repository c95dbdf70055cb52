namespace Verifier.TestSupport;

/// <summary>
/// The repository's own pinned JSON-LD contexts (<c>contexts/</c>, the folder every host ships): tests that sign or
/// expand JSON-LD use it, so they run on a clean clone without ../shared.
/// </summary>
public static class ProjectContexts
{
    public static string Folder { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var contexts = System.IO.Path.Combine(dir.FullName, "contexts");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Verifier.sln")) && File.Exists(System.IO.Path.Combine(contexts, "index.json")))
            {
                return contexts;
            }
        }

        throw new DirectoryNotFoundException("the repository's contexts/ folder (with index.json) was not found above " + AppContext.BaseDirectory);
    }
}
