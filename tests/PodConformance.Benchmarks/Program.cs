using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PodConformance.Benchmarks.QuantityBenchmarks).Assembly).Run(args);
