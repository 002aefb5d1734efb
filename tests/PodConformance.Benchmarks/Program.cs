using BenchmarkDotNet.Running;

if (args is ["--probe", ..])
{
    PodConformance.Benchmarks.AllocationProbe.Run();
    return;
}

if (args is ["--probe-cpu", ..])
{
    PodConformance.Benchmarks.AllocationProbe.RunCpu();
    return;
}

if (args is ["--probe-sim-cpu", ..])
{
    PodConformance.Benchmarks.SimulatorCpuProbe.Run(args);
    return;
}

if (args is ["--probe-sim", ..])
{
    PodConformance.Benchmarks.AllocationProbe.RunSimulator();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PodConformance.Benchmarks.QuantityBenchmarks).Assembly).Run(args);
