using Verifier.Cli;

return await ObverifyApp.RunAsync(args, Console.In, Console.Out, Console.Error);
