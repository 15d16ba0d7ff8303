namespace DvFlow.HdlSim.Tests;

public class IncludeScannerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dvflow-inc").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string rel, string text)
    {
        var p = Path.Combine(_dir, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void FindsNestedIncludesBesideTheFileThenInIncdirs()
    {
        var top = Write("src/top.sv", "`include \"local.svh\"\n`include \"defs.svh\" // comment\n// `include \"commented.svh\"\nmodule top; endmodule\n");
        var local = Write("src/local.svh", "`include \"deep.svh\"\n");
        var deep = Write("inc/deep.svh", "");
        var defs = Write("inc/defs.svh", "`include \"local.svh\"\n");
        Write("inc/commented.svh", "");
        Write("inc/local.svh", "// shadowed by src/local.svh for top.sv, found for defs.svh\n");
        var found = IncludeScanner.Scan([top], [Path.Combine(_dir, "inc")]);
        Assert.Equal([local, defs, deep, Path.Combine(_dir, "inc", "local.svh")], found);
    }

    [Fact]
    public void UnresolvedAndMacroIncludesAreSkipped()
    {
        var top = Write("t.sv", "`include \"missing.svh\"\n`include `HDR\n");
        Assert.Empty(IncludeScanner.Scan([top], []));
    }
}
