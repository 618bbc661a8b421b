using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(BootcImageBuilder.Benchmarks.DiskManifestBenchmarks).Assembly).Run(args);
