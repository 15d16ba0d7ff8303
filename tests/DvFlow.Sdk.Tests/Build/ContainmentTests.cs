using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Build;

/// <summary>
/// A build writes only inside its run directory and Clean deletes only what builds created there: a mistaken
/// DvFlowRunRoot, a symbolic link a script left behind, or a project path full of characters MSBuild and shells treat
/// specially never costs a file outside.
/// </summary>
[Collection(SdkCollection.Name)]
public class ContainmentTests(SdkFeed feed)
{
    private const string Flow = """
        package:
          name: cl
          tasks:
          - root: make
            shell: bash
            run: echo made > out.txt
        """;

    [Fact]
    public void CleanDeletesTheRunDirectoriesBuildsCreatedAndLeavesEverythingElseWhereverTheRunRootIs()
    {
        using var p = new FlowProject(feed, Flow);
        Assert.True(p.Build("-t:make").Succeeded);
        p.Write("rundir/notes.txt", "mine\n");
        var c = p.Build("-t:Clean");
        Assert.True(c.Succeeded, c.Describe());
        Assert.False(Directory.Exists(Path.Combine(p.RunDir, "cl.make")));
        Assert.False(Directory.Exists(Path.Combine(p.RunDir, ".dvflow")));
        Assert.Equal("mine\n", p.Read("rundir/notes.txt"));
        c.AssertOutputContains("left 'notes.txt', which no DvFlow build created");

        // The run root set to a source folder: the build's run directories go, the sources stay.
        p.Write("src/a.sv", "module a; endmodule\n");
        Assert.True(p.Build("-t:make", "-p:DvFlowRunRoot=src").Succeeded);
        Assert.True(File.Exists(Path.Combine(p.Dir, "src", "cl.make", "out.txt")));
        var src = p.Build("-t:Clean", "-p:DvFlowRunRoot=src");
        Assert.True(src.Succeeded, src.Describe());
        Assert.False(Directory.Exists(Path.Combine(p.Dir, "src", "cl.make")));
        Assert.Equal("module a; endmodule\n", p.Read("src/a.sv"));

        // Without any build, the default run root goes entirely once only the build's own files are left.
        File.Delete(Path.Combine(p.RunDir, "notes.txt"));
        Assert.True(p.Build("-t:make").Succeeded);
        Assert.True(p.Build("-t:Clean").Succeeded);
        Assert.False(Directory.Exists(p.RunDir));
        Assert.True(File.Exists(Path.Combine(p.Dir, "flow.yaml")));
    }

    [Fact]
    public void CleanRefusesRunRootsItCannotRecogniseAndNeverTouchesTheirFiles()
    {
        using var p = new FlowProject(feed, """
            package:
              name: cl
              imports:
              - lib/ip/flow.yaml
              tasks:
              - root: make
                needs: [ip.hello]
                shell: bash
                run: echo made > out.txt
            """);
        p.Write("lib/ip/flow.yaml", "package:\n  name: ip\n  tasks:\n  - export: hello\n    uses: std.Message\n    with:\n      msg: hi\n");
        var unrelated = Path.Combine(feed.Root, "unrelated" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(unrelated);
        File.WriteAllText(Path.Combine(unrelated, "keep.txt"), "keep\n");
        try
        {
            // A folder holding an imported package's flow file, even after a build used it as run root.
            Assert.True(p.Build("-t:make", "-p:DvFlowRunRoot=lib").Succeeded);
            var lib = p.Build("-t:Clean", "-p:DvFlowRunRoot=lib");
            Assert.False(lib.Succeeded, lib.Describe());
            lib.AssertOutputMatches(@"error DVF0020: refusing to clean '.*lib': it holds the flow file '.*lib/ip/flow\.yaml'");
            Assert.True(File.Exists(Path.Combine(p.Dir, "lib", "ip", "flow.yaml")));

            // A directory no build used.
            var other = p.Build("-t:Clean", $"-p:DvFlowRunRoot={unrelated}");
            Assert.False(other.Succeeded, other.Describe());
            other.AssertOutputMatches(@"error DVF0020: refusing to clean '.*unrelated\w+': no DvFlow build marked it as its run directory \(\.dvflow/ is missing\) and it holds 'keep\.txt'");
            Assert.Equal("keep\n", File.ReadAllText(Path.Combine(unrelated, "keep.txt")));

            // The project's parent, and the root of the file system: refused, as errors, not crashes.
            var parent = p.Build("-t:Clean", "-p:DvFlowRunRoot=..");
            Assert.False(parent.Succeeded, parent.Describe());
            parent.AssertOutputMatches(@"error DVF0020: refusing to clean '.*': it holds the project directory");
            var root = p.Build("-t:Clean", "-p:DvFlowRunRoot=/");
            Assert.False(root.Succeeded, root.Describe());
            root.AssertOutputContains("error DVF0020: refusing to clean '/': it is the root of the file system");
            foreach (var r in new[] { lib, other, parent, root }) r.AssertOutputLacks("MSB4018");
            Assert.True(File.Exists(p.ProjectFile));
        }
        finally
        {
            Directory.Delete(unrelated, recursive: true);
        }
    }

    [Fact]
    public void WritesThroughALinkAScriptLeftInTheRunDirectoryAreRefused()
    {
        using var p = new FlowProject(feed, """
            package:
              name: sl
              tasks:
              - name: pair
                body:
                - name: plant
                  rundir: inherit
                  shell: bash
                  run: |
                    ln -sfn "$OUTSIDE/victim.txt" victim.txt
                    ln -sfn "$OUTSIDE/dir" sub
                - name: file
                  rundir: inherit
                  uses: std.CreateFile
                  needs: [plant]
                  with:
                    filename: victim.txt
                    content: overwritten
                - name: folder
                  rundir: inherit
                  uses: std.CreateFile
                  needs: [plant]
                  with:
                    filename: sub/x.txt
                    content: overwritten
              - root: channel
                shell: bash
                run: ln -sf "$OUTSIDE/params.json" dfm.params.json
            """);
        var outside = Path.Combine(feed.Root, "outside" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(outside, "dir"));
        File.WriteAllText(Path.Combine(outside, "victim.txt"), "original\n");
        File.WriteAllText(Path.Combine(outside, "params.json"), "original\n");
        p.Environment["OUTSIDE"] = outside;
        try
        {
            var file = p.Build("-t:DvFlowRun", "-p:DvFlowTask=sl.pair.file");
            Assert.False(file.Succeeded, file.Describe());
            file.AssertOutputMatches(@"flow\.yaml\(12,\d+\): error DVF0021: sl\.pair\.file: std\.CreateFile: 'victim\.txt' in the run directory .*sl\.pair resolves to '.*outside\w+/victim\.txt', outside it");
            var folder = p.Build("-t:DvFlowRun", "-p:DvFlowTask=sl.pair.folder");
            Assert.False(folder.Succeeded, folder.Describe());
            folder.AssertOutputMatches(@"flow\.yaml\(19,\d+\): error DVF0021: sl\.pair\.folder: std\.CreateFile: 'sub/x\.txt' in the run directory .*sl\.pair resolves to '.*outside\w+/dir/x\.txt', outside it");
            Assert.Equal("original\n", File.ReadAllText(Path.Combine(outside, "victim.txt")));
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(outside, "dir")));

            // A shell task's own contract file turned into a link by its last run: the next run refuses to write it.
            Assert.True(p.Build("-t:channel").Succeeded);
            var again = p.Build("-t:channel", "-p:DvFlowForce=true");
            Assert.False(again.Succeeded, again.Describe());
            again.AssertOutputMatches(@"flow\.yaml\(26,\d+\): error DVF0021: sl\.channel: 'dfm\.params\.json' in the run directory .*sl\.channel resolves to '.*outside\w+/params\.json', outside it");
            Assert.Equal("original\n", File.ReadAllText(Path.Combine(outside, "params.json")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void ALinkedTaskRunDirectoryOrRunRootIsRefusedBeforeAnythingIsWritten()
    {
        using var p = new FlowProject(feed, Flow);
        var outside = Path.Combine(feed.Root, "outside" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(outside);
        try
        {
            Assert.True(p.Build("-t:make").Succeeded);
            var taskDir = Path.Combine(p.RunDir, "cl.make");
            Directory.Delete(taskDir, recursive: true);
            Directory.CreateSymbolicLink(taskDir, outside);
            var r = p.Build("-t:make", "-p:DvFlowForce=true");
            Assert.False(r.Succeeded, r.Describe());
            r.AssertOutputMatches(@"flow\.yaml\(4,\d+\): error DVF0021: cl\.make: the run directory of 'cl\.make', .*cl\.make, resolves to '.*outside\w+', outside the run root");
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));

            Directory.CreateSymbolicLink(Path.Combine(p.Dir, "linked"), outside);
            var linked = p.Build("-t:make", "-p:DvFlowRunRoot=linked");
            Assert.False(linked.Succeeded, linked.Describe());
            linked.AssertOutputMatches(@"error DVF0021: the run directory .*linked is a symbolic link \(to '.*outside\w+'\); refusing to write through it");
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
            // Clean neither follows the link nor deletes it.
            var clean = p.Build("-t:Clean", "-p:DvFlowRunRoot=linked");
            Assert.False(clean.Succeeded, clean.Describe());
            clean.AssertOutputContains("error DVF0020");
            Assert.True(Directory.Exists(Path.Combine(p.Dir, "linked")));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void AProjectPathWithCharactersMSBuildAndShellsTreatSpeciallyBuildsRebuildsAndCleans()
    {
        using var p = new FlowProject(feed, """
            package:
              name: odd
              tasks:
              - name: srcs
                uses: std.FileSet
                with:
                  type: systemVerilogSource
                  include: "*.sv"
              - name: gen
                uses: std.CreateFile
                with:
                  filename: gen.sv
                  content: "module gen; endmodule"
              - root: all
                needs: [srcs, gen]
                shell: bash
                run: |
                  cat "$DFM_INPUT_FILES" > files.txt
                  echo "ran in $DFM_RUNDIR" >> "$DFM_SRCDIR/trace.txt"
            """, dirSuffix: " it's & 100%41 ;$x @(i) #1 ü");
        p.Write("top.sv", "module top; endmodule\n");
        // Without a binlog: '-bl:PATH' is split at the ';' by MSBuild's own switch parser, whatever the SDK does.
        var r = p.BuildWithoutBinlog("-t:all");
        Assert.True(r.Succeeded, r.Describe());
        var files = File.ReadAllLines(Path.Combine(p.RunDir, "odd.all", "files.txt"));
        Assert.Equal([Path.Combine(p.Dir, "top.sv"), Path.Combine(p.RunDir, "odd.gen", "gen.sv")], files);
        Assert.Equal([$"ran in {Path.Combine(p.RunDir, "odd.all")}"], File.ReadAllLines(Path.Combine(p.Dir, "trace.txt")));
        var again = p.BuildWithoutBinlog("-t:all");
        Assert.True(again.Succeeded, again.Describe());
        again.AssertOutputContains("odd.all: skipped, up to date");
        var clean = p.BuildWithoutBinlog("-t:Clean");
        Assert.True(clean.Succeeded, clean.Describe());
        Assert.False(Directory.Exists(p.RunDir));
        Assert.True(File.Exists(Path.Combine(p.Dir, "top.sv")));
    }
}
