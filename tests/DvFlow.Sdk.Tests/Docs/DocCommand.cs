using System.Text.RegularExpressions;

namespace DvFlow.Sdk.Tests.Docs;

/// <summary>A command line the documentation shows, where it shows it.</summary>
public sealed record DocCommand(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

/// <summary>
/// Finds the commands README.md and docs/*.md show: lines of <c>sh</c> code blocks, and inline code that starts with a
/// command a user types (<c>dotnet build ...</c>, <c>samples/run.sh ...</c>). Inline options that follow a command on the
/// same line (<c>`dotnet build -t:DvFlowShow` ...; `-p:DvFlowJson=true` for JSON</c>) are shown as that command with them.
/// </summary>
public static partial class DocCommands
{
    private static readonly string[] Commands = ["dotnet build", "dotnet msbuild", "dotnet clean", "dotnet test", "dotnet restore", "dotnet sln", "dotnet pack", "samples/run.sh"];

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    public static IReadOnlyList<DocCommand> In(string repoRoot)
    {
        var files = new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(repoRoot, "docs"), "*.md").Select(f => Path.GetRelativePath(repoRoot, f)).Order());
        var found = new List<DocCommand>();
        foreach (var rel in files)
        {
            var lines = File.ReadAllLines(Path.Combine(repoRoot, rel));
            string? fence = null;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fence = fence is null ? line.Trim()[3..] : null;
                    continue;
                }
                if (fence is not null)
                {
                    if (fence is "sh" or "bash" or "console")
                    {
                        var cmd = StripComment(line).Trim();
                        if (cmd.Length > 0) found.Add(new DocCommand(rel, i + 1, cmd));
                    }
                    continue;
                }
                string? last = null;
                foreach (Match m in InlineCode().Matches(line))
                {
                    var code = m.Groups[1].Value.Trim();
                    if (Commands.Any(c => code == c || code.StartsWith(c + " ", StringComparison.Ordinal)))
                    {
                        last = code;
                        found.Add(new DocCommand(rel, i + 1, code));
                    }
                    else if (last is not null && (code.StartsWith("-p:", StringComparison.Ordinal) || code.StartsWith("-t:", StringComparison.Ordinal)))
                        found.Add(new DocCommand(rel, i + 1, last + " " + code));
                }
            }
        }
        return found;
    }

    /// <summary>A shell comment at the end of a line (outside quotes is enough for the docs' lines).</summary>
    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }
}
