using BenchmarkDotNet.Running;

if (args is ["--probe", ..])
{
    PodConformance.Benchmarks.AllocationProbe.Run();
    return 0;
}

if (args is ["--serve", ..])
{
    // The model behind the process protocol on stdin/stdout, as `podconf adapter serve` runs it: the child of --probe-cpu.
    using var input = Console.OpenStandardInput();
    using var output = Console.OpenStandardOutput();
    return new PodConformance.Adapters.Process.AdapterServer(new PodConformance.Suite.Adapters.ModelAdapter(), "bench", PodConformance.Adapters.Process.AdapterServer.ModelVersions).Serve(input, output);
}

if (args is ["--probe-cpu", ..])
{
    PodConformance.Benchmarks.AllocationProbe.RunCpu(args[1..]);
    return 0;
}

if (args is ["--probe-obs-cpu", ..])
{
    PodConformance.Benchmarks.ObservationCpuProbe.Run();
    return 0;
}

if (args is ["--probe-sim-cpu", ..])
{
    PodConformance.Benchmarks.SimulatorCpuProbe.Run(args);
    return 0;
}

if (args is ["--probe-admission", ..])
{
    PodConformance.Benchmarks.AdmissionProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
    return 0;
}

if (args is ["--probe-sim", ..])
{
    PodConformance.Benchmarks.AllocationProbe.RunSimulator();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PodConformance.Benchmarks.QuantityBenchmarks).Assembly).Run(args);
return 0;
