using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Tests.Runtime;

/// <summary>TaskRunCtxt.AddMarker is called by log filters of commands running in parallel: it must lose nothing.</summary>
public sealed class TaskRunCtxtTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("runctxt").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TaskRunCtxt Ctxt(int parallel) => new("t.task", _dir, _dir, () => new Dictionary<string, string?>(), new RecordingRunLog(), parallel, CancellationToken.None);

    [Fact]
    public void AddMarkerFromManyThreadsKeepsEveryMarker()
    {
        var ctxt = Ctxt(4);
        const int threads = 8, each = 20_000;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < each; i++) ctxt.AddMarker(new TaskMarker(MarkerSeverity.Info, $"{t}:{i}"));
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Equal(threads * each, ctxt.Markers.Count);
        Assert.Equal(threads * each, ctxt.Markers.Select(m => m.Message).Distinct().Count());
    }

    [Fact]
    public async Task LogFiltersOfParallelCommandsAndFailuresAllLandAsMarkers()
    {
        var ctxt = Ctxt(4);
        const int commands = 8, lines = 2000;
        void Filter(string line) => ctxt.AddMarker(new TaskMarker(MarkerSeverity.Warning, line));
        // Every other command exits 3 after its output: ExecAsync adds an error marker for it concurrently with the filters.
        var cmds = Enumerable.Range(0, commands).Select(c => new ExecCmd(
            ["sh", "-c", $"i=0; while [ $i -lt {lines} ]; do echo c{c}-$i; i=$((i+1)); done; exit {(c % 2 == 0 ? 0 : 3)}"], $"c{c}.log")
        { LogFilter = Filter });
        var statuses = await ctxt.ExecParallelAsync(cmds);
        Assert.Equal(commands / 2, statuses.Count(s => s == 3));
        Assert.Equal(commands * lines, ctxt.Markers.Count(m => m.Severity == MarkerSeverity.Warning));
        Assert.Equal(commands / 2, ctxt.Markers.Count(m => m.Severity == MarkerSeverity.Error && m.Message.StartsWith("command failed with exit code 3", StringComparison.Ordinal)));
    }
}
