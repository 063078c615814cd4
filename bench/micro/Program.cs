using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/micro -- --filter '*' [--job short]   (see bench/README.md)
BenchmarkSwitcher.FromAssembly(typeof(AllianceRules.Bench.Micro.Inputs).Assembly).Run(args);
