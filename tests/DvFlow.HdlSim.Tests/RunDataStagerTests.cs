using DvFlow.HdlSim.RunData;
using DvFlow.TaskApi;

namespace DvFlow.HdlSim.Tests;

/// <summary>Run-data staging: where each file goes, what is refused, and that copies never go through links.</summary>
public sealed class RunDataStagerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rundata").FullName;
    private string Src => Path.Combine(_root, "src");
    private string Run => Path.Combine(_root, "run");

    public RunDataStagerTests()
    {
        Directory.CreateDirectory(Src);
        Directory.CreateDirectory(Run);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(Src, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private TaskDataInput Input(params DataItem[] items)
        => new("t.run", Run, Src, FlowMap.Empty, items.Select((i, n) => i.WithSource("t.data" + n, 0)).ToList(), false, null);

    private static DataItem RunData(string basedir, params string[] files) => FileSetItem.Create(RunDataStager.FileType, basedir, files);

    private static readonly IReadOnlySet<string> Reserved = new HashSet<string> { "sim.log" };

    [Fact]
    public void FilesKeepTheirPathUnderTheBaseAndFilesOutsideItKeepTheirName()
    {
        Write("data/cfg/a.dat", "a");
        var outside = Write("elsewhere/b.dat", "b");
        var (files, errors) = RunDataStager.Plan(Input(RunData("data", "cfg/a.dat", outside, "../elsewhere/b.dat")), Reserved);
        Assert.Empty(errors);
        Assert.Equal([Path.Combine("cfg", "a.dat"), "b.dat"], files.Select(f => f.Destination));
        Assert.Empty(RunDataStager.Copy(Run, files, []));
        Assert.Equal("a", File.ReadAllText(Path.Combine(Run, "cfg", "a.dat")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(Run, "b.dat")));
    }

    [Fact]
    public void MissingDirectoriesSpecialFilesReservedNamesAndCollisionsAreRefusedNamingTheFile()
    {
        Write("data/x.dat", "1");
        Write("other/x.dat", "2");
        Write("data/sim.log", "log");
        Directory.CreateDirectory(Path.Combine(Src, "data", "adir"));
        var (files, errors) = RunDataStager.Plan(Input(
            RunData("data", "missing.dat", "adir", "/dev/null", "sim.log", "x.dat"),
            RunData("other", "x.dat")), Reserved);
        Assert.Equal([Path.Combine(Src, "data", "x.dat")], files.Select(f => f.Source));
        Assert.Collection(errors,
            e => Assert.Equal($"run-data file '{Path.Combine(Src, "data", "missing.dat")}' (from t.data0) does not exist", e),
            e => Assert.Equal($"run-data file '{Path.Combine(Src, "data", "adir")}' (from t.data0) is a directory; a simRunData FileSet lists files", e),
            e => Assert.Equal("run-data file '/dev/null' (from t.data0) is not a regular file (a FIFO, socket or device cannot be copied)", e),
            e => Assert.Equal($"run-data file '{Path.Combine(Src, "data", "sim.log")}' (from t.data0) would replace the run's own 'sim.log'; rename it", e),
            e => Assert.Equal($"run-data files '{Path.Combine(Src, "data", "x.dat")}' (from t.data0) and '{Path.Combine(Src, "other", "x.dat")}' (from t.data1) would both be copied to 'x.dat'", e));
    }

    [Fact]
    public void ALinkInTheRunDirectoryIsReplacedOrRefusedNeverWrittenThrough()
    {
        Write("data/a.dat", "new");
        Write("data/sub/b.dat", "new");
        var outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        var victim = Path.Combine(outside, "victim.txt");
        File.WriteAllText(victim, "keep");
        File.CreateSymbolicLink(Path.Combine(Run, "a.dat"), victim);
        Directory.CreateSymbolicLink(Path.Combine(Run, "sub"), outside);

        var (files, errors) = RunDataStager.Plan(Input(RunData("data", "a.dat", "sub/b.dat")), Reserved);
        Assert.Empty(errors);
        var copyErrors = RunDataStager.Copy(Run, files, []);

        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.False(File.Exists(Path.Combine(outside, "b.dat")));
        Assert.Null(new FileInfo(Path.Combine(Run, "a.dat")).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(Run, "a.dat")));
        var error = Assert.Single(copyErrors);
        Assert.Contains($"'{Path.Combine(Run, "sub")}' is a symbolic link", error);
    }

    [Fact]
    public void CopiesNoLongerStagedAreRemovedAndOthersRefreshed()
    {
        Write("data/a.dat", "one");
        var (files, _) = RunDataStager.Plan(Input(RunData("data", "a.dat")), Reserved);
        File.WriteAllText(Path.Combine(Run, "old.dat"), "stale");
        File.WriteAllText(Path.Combine(Run, "a.dat"), "edited by the last simulation");
        File.WriteAllText(Path.Combine(Run, "result.txt"), "the simulation's own");
        Assert.Empty(RunDataStager.Copy(Run, files, ["old.dat", "a.dat", "../escape.dat"]));
        Assert.False(File.Exists(Path.Combine(Run, "old.dat")));
        Assert.Equal("one", File.ReadAllText(Path.Combine(Run, "a.dat")));
        Assert.True(File.Exists(Path.Combine(Run, "result.txt")));
    }

    [Fact]
    public void AFifoIsNotARegularFile()
    {
        var fifo = Path.Combine(Src, "fifo");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) mk.WaitForExit();
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
        Assert.Equal(FileKind.Regular, FileKinds.Of(Write("r.dat", "")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(Src));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(Src, "none")));
    }
}
