using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Triage.Benchmarks -- --filter '*'   (docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Triage.Benchmarks.InferenceBenchmarks).Assembly).Run(args);
