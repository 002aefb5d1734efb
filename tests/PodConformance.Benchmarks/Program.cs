using BenchmarkDotNet.Running;

if (args is ["--probe", ..])
{
    PodConformance.Benchmarks.AllocationProbe.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PodConformance.Benchmarks.QuantityBenchmarks).Assembly).Run(args);
