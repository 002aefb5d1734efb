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

if (args is ["--probe-obs-cpu", ..])
{
    PodConformance.Benchmarks.ObservationCpuProbe.Run();
    return;
}

if (args is ["--probe-sim-cpu", ..])
{
    PodConformance.Benchmarks.SimulatorCpuProbe.Run(args);
    return;
}

if (args is ["--probe-admission", ..])
{
    PodConformance.Benchmarks.AdmissionProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return;
}

if (args is ["--probe-sim", ..])
{
    PodConformance.Benchmarks.AllocationProbe.RunSimulator();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PodConformance.Benchmarks.QuantityBenchmarks).Assembly).Run(args);
