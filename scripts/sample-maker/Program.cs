namespace Verifier.SampleMaker;

/// <summary>Writes every sample into the folder given (default: ./samples) and prints what each one is.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var folder = args.Length > 0 ? args[0] : "samples";
        Directory.CreateDirectory(folder);
        foreach (var sample in SampleSet.Make())
        {
            File.WriteAllBytes(Path.Combine(folder, sample.Name), sample.Bytes);
            Console.WriteLine($"{sample.Name,-20} {sample.Outcome,-8} {sample.What}");
        }

        return 0;
    }
}
