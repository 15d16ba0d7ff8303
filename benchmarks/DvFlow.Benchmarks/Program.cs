using System.Diagnostics;
using System.Runtime;
using DvFlow.Benchmarks;
using DvFlow.Model.Elaboration;
using DvFlow.Model.Graph;

// Usage: dotnet run -c Release --project benchmarks/DvFlow.Benchmarks [-- --runs N] [--dir PATH]
var runs = 15;
var dir = Path.Combine(Path.GetTempPath(), "dvflow-bench");
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i]);
    else if (args[i] == "--dir" && i + 1 < args.Length) dir = args[++i];
}

var shape = FlowGenerator.Write(dir);
Console.WriteLine($"Generated {shape.TopLevelTasks} tasks ({shape.RootTasks} in 'soc' over {shape.Fragments} fragments, {shape.LibraryTasks} in {shape.Libraries} imported packages), {shape.Lines} lines, in {dir}");
Console.WriteLine($"Runtime {Environment.Version}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

// One measurement: load the flow, then build the graph of every root-package task (BuildAll) or,
// with everyTask, of every task of every package (all 5,000).
(double Load, double Build, int Nodes) Once(bool everyTask)
{
    var sw = Stopwatch.StartNew();
    var model = FlowElaborator.Elaborate(dir);
    var load = sw.Elapsed.TotalMilliseconds;
    if (model.HasErrors) throw new InvalidOperationException("generated flow has errors:\n" + string.Join("\n", model.Diagnostics.Where(d => d.IsError).Take(10)));
    sw.Restart();
    var builder = new TaskGraphBuilder(model);
    var graph = everyTask
        ? builder.Build(model.Packages.Values.Where(p => p.Name != "std").SelectMany(p => p.OrderedTasks.Select(t => t.FullName)))
        : builder.BuildAll();
    var build = sw.Elapsed.TotalMilliseconds;
    if (graph.HasErrors) throw new InvalidOperationException("graph has errors:\n" + string.Join("\n", graph.Diagnostics.Where(d => d.IsError).Take(10)));
    return (load, build, graph.Nodes.Count);
}

static double Median(IEnumerable<double> xs) { var s = xs.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }

var cold = Once(everyTask: false);
Console.WriteLine($"cold (first, in-process):  load {cold.Load,7:F1} ms  build {cold.Build,7:F1} ms  total {cold.Load + cold.Build,7:F1} ms  (BuildAll: {cold.Nodes} nodes)");
for (var i = 0; i < 3; i++) { Once(false); Once(true); } // warm-up
var mTotal = 0.0;
foreach (var everyTask in new[] { false, true })
{
    var samples = new List<(double Load, double Build, int Nodes)>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        samples.Add(Once(everyTask));
    }
    var total = Median(samples.Select(s => s.Load + s.Build));
    if (!everyTask) mTotal = total;
    Console.WriteLine($"warm, median of {runs,2}:     load {Median(samples.Select(s => s.Load)),7:F1} ms  build {Median(samples.Select(s => s.Build)),7:F1} ms  total {total,7:F1} ms  " +
        $"(min {samples.Min(s => s.Load + s.Build):F1}, max {samples.Max(s => s.Load + s.Build):F1}; {(everyTask ? "every task of every package" : "BuildAll")}: {samples[0].Nodes} nodes)");
}
Console.WriteLine(mTotal < 500 ? "goal (load + BuildAll < 500 ms warm): met" : "goal (load + BuildAll < 500 ms warm): MISSED");
