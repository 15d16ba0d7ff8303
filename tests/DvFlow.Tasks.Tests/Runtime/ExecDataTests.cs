using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.Tasks.Runtime;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Tests.Runtime;

public class ExecDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-exec").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ExecDataRoundTripsThroughTheStore()
    {
        var store = new ExecDataStore();
        var item = new DataItem("std.FileSet", "p.t", 0, FlowMap.Of(("filetype", "x"), ("basedir", _dir), ("files", new object?[] { "a.sv" })));
        var data = new ExecData
        {
            Name = "p.t", RunDir = _dir, SrcDir = "/src", Params = FlowMap.Of(("n", 3L)), InputsSignature = "abc", Needs = ["p.u"],
            Commands = [(["bash", "-c", "true"], 0)], Status = 0, Changed = true, Memento = FlowMap.Of(("k", "v")),
            Markers = [new TaskMarker(MarkerSeverity.Warning, "w", "f.sv", 1, 2)], Output = [item], LogFile = "p.t.log", Session = "s1", Reason = "first",
        };
        store.Write(data);
        var read = new ExecDataStore().Read(_dir, "p.t")!;
        Assert.Equal(0, read.Status);
        Assert.True(FlowValues.ValueEquals(data.Params, read.Params));
        Assert.Equal("abc", read.InputsSignature);
        Assert.Equal(["p.u"], read.Needs);
        Assert.Equal("bash", read.Commands.Single().Cmd[0]);
        Assert.True(FlowValues.ValueEquals(data.Memento, read.Memento));
        Assert.Equal(new TaskMarker(MarkerSeverity.Warning, "w", "f.sv", 1, 2), read.Markers.Single());
        Assert.Equal("p.t", read.OwnOutput.Single().Src);
        Assert.Equal("s1", read.Session);
        Assert.False(Directory.EnumerateFiles(_dir, "*.tmp").Any());
    }

    [Fact]
    public void InvalidateRemovesTheRecordSoACrashNeverLeavesItDone()
    {
        var store = new ExecDataStore();
        store.Write(new ExecData { Name = "p.t", RunDir = _dir });
        Assert.NotNull(store.Read(_dir, "p.t"));
        store.Invalidate(_dir, "p.t");
        Assert.Null(store.Read(_dir, "p.t"));
    }

    [Fact]
    public void AWriteBehindStoreServesRecordsAtOnceAndHasThemOnDiskWhenDisposed()
    {
        var dirs = Enumerable.Range(0, 200).Select(i => Path.Combine(_dir, "t" + i)).ToList();
        using (var store = new ExecDataStore(writeBehind: true))
        {
            foreach (var (d, i) in dirs.Select((d, i) => (d, i)))
            {
                store.Write(new ExecData { Name = "p.t" + i, RunDir = d, Status = 0, Session = "s" });
                Assert.Equal("s", store.Read(d, "p.t" + i)!.Session);
            }
        }
        foreach (var (d, i) in dirs.Select((d, i) => (d, i)))
            Assert.Equal("s", new ExecDataStore().Read(d, "p.t" + i)!.Session);
        Assert.False(Directory.EnumerateFiles(_dir, "*.tmp", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void InvalidatingAPendingRecordMeansItIsNeverWritten()
    {
        var path = ExecDataStore.PathOf(_dir, "p.t");
        using (var store = new ExecDataStore(writeBehind: true))
        {
            // A durable write first, so there is an old record on disk, then a pending one that is invalidated.
            store.Write(new ExecData { Name = "p.t", RunDir = _dir, Reason = "old" }, durable: true);
            store.Write(new ExecData { Name = "p.t", RunDir = _dir, Reason = "new" });
            store.Invalidate(_dir, "p.t");
            Assert.Null(store.Read(_dir, "p.t"));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void TheInputSignatureChangesWhenANamedFileChanges()
    {
        var f = Path.Combine(_dir, "a.sv");
        File.WriteAllText(f, "one");
        var item = new DataItem("std.FileSet", "p.t", 0, FlowMap.Of(("basedir", _dir), ("files", new object?[] { "a.sv" })));
        var s1 = InputSignature.Compute([item]);
        Assert.Equal(s1, InputSignature.Compute([item]));
        File.WriteAllText(f, "two, longer");
        Assert.NotEqual(s1, InputSignature.Compute([item]));
    }
}
