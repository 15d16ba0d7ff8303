using System.Text.RegularExpressions;
using DvFlow.Sdk.Tests.TestSupport;

namespace DvFlow.Sdk.Tests.Docs;

/// <summary>
/// docs/diagnostics.md is the one table of diagnostic codes: each code listed once, with one meaning, every code the
/// sources raise listed, and no code listed that nothing raises.
/// </summary>
public partial class DiagnosticTableTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [GeneratedRegex(@"^\| (DVF\d{4}) \| (.+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"DVF\d{4}")]
    private static partial Regex Code();

    [GeneratedRegex(@"public const string (\w+) = ""(DVF\d{4})"";")]
    private static partial Regex Constant();

    private static IReadOnlyList<(string Code, string Meaning)> Table() =>
        TableRow().Matches(File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md")))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    /// <summary>Every code the product's sources (C#, SDK and package targets) mention, with the files naming it.</summary>
    private static Dictionary<string, List<string>> CodesInSources()
    {
        var codes = new Dictionary<string, List<string>>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories))
        {
            if (f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")) continue;
            if (Path.GetExtension(f) is not (".cs" or ".targets" or ".props" or ".yaml")) continue;
            foreach (Match m in Code().Matches(File.ReadAllText(f)))
            {
                if (!codes.TryGetValue(m.Value, out var files)) codes[m.Value] = files = [];
                files.Add(Path.GetRelativePath(Root, f));
            }
        }
        return codes;
    }

    [Fact]
    public void EachCodeIsListedOnce()
    {
        var table = Table();
        Assert.True(table.Count > 30, "docs/diagnostics.md's table was not found");
        var twice = table.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(" / ", g.Select(r => r.Meaning))}").ToList();
        Assert.True(twice.Count == 0, "codes listed with more than one meaning:\n" + string.Join("\n", twice));
    }

    [Fact]
    public void EveryCodeTheSourcesRaiseIsListedAndEveryListedCodeIsRaised()
    {
        var listed = Table().Select(r => r.Code).ToHashSet();
        var used = CodesInSources();
        var undocumented = used.Keys.Where(c => !listed.Contains(c)).Select(c => $"{c} (in {string.Join(", ", used[c].Distinct())})").ToList();
        Assert.True(undocumented.Count == 0, "codes raised but not in docs/diagnostics.md:\n" + string.Join("\n", undocumented));
        var dead = listed.Where(c => !used.ContainsKey(c)).ToList();
        Assert.True(dead.Count == 0, "codes in docs/diagnostics.md that nothing raises (retire them from the table): " + string.Join(", ", dead));
    }

    [Fact]
    public void NamedCodesHaveOneNameEach()
    {
        var constants = Constant().Matches(File.ReadAllText(Path.Combine(Root, "src", "DvFlow.Model", "Diagnostics", "DiagnosticCodes.cs")))
            .Select(m => (Name: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(constants);
        var shared = constants.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}").ToList();
        Assert.True(shared.Count == 0, "one code with several meanings in DiagnosticCodes:\n" + string.Join("\n", shared));
    }
}
