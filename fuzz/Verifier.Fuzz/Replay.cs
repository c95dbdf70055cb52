namespace Verifier.Fuzz;

/// <summary>Runs saved inputs (e.g. AFL crashes) once through a target and prints what each one threw.</summary>
internal static class Replay
{
    public static int Run(Action<byte[]> target, IEnumerable<string> files)
    {
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok    {file}");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"FAIL  {file}: {e}");
            }
        }

        return failures == 0 ? 0 : 1;
    }
}
