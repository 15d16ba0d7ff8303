using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;
using DvFlow.Tasks.Std;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>
/// What a flow project's build reads, for Visual Studio's fast up-to-date check (CollectUpToDateCheckInputDesignTime): the
/// project and flow files, every file its translation read (fragments, imported packages, generator inputs) and the files
/// its FileSets match now. Design-time builds run it often, so it only reads: it never translates or runs a task, and a
/// project not yet translated simply has fewer inputs.
/// </summary>
public sealed class DvFlowUpToDateInputs : Microsoft.Build.Utilities.Task
{
    /// <summary>The translation directory (its manifest lists what translation read; its plan, the FileSets).</summary>
    [Required] public string TranslationDir { get; set; } = "";
    /// <summary>The project file and the root flow file, inputs even before the first translation.</summary>
    public ITaskItem[] Always { get; set; } = [];

    /// <summary>The input files, as <c>UpToDateCheckInput</c> items.</summary>
    [Output] public ITaskItem[] Inputs { get; set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var dir = new TranslationDirectory(TranslationDir);
        var files = new SortedSet<string>(Always.Select(i => i.GetMetadata("FullPath")), StringComparer.Ordinal);
        try
        {
            if (File.Exists(dir.Manifest))
                foreach (var line in File.ReadLines(dir.Manifest))
                    if (line.StartsWith("F ", StringComparison.Ordinal)) files.Add(line[2..]);
            if (File.Exists(dir.Plan))
                foreach (var node in FlowPlanJson.Read(dir.Plan).Nodes.Where(n => n is { Enabled: true, Shell: "builtin", Run: "std.FileSet" }))
                {
                    var p = new TaskDataInput(node.Name, node.RunDir, node.SrcDir, node.Params, [], false, null);
                    var baseDir = StdFileSet.BaseDir(node.SrcDir, p.Str("base"));
                    if (!Directory.Exists(baseDir)) continue;
                    var matched = new List<string>();
                    StdFileSet.Match(baseDir, p.List("include"), p.List("exclude"), matched);
                    foreach (var f in matched) files.Add(Path.GetFullPath(Path.Combine(baseDir, f)));
                }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // An out-of-date answer only makes Visual Studio build: say why, and answer with what is known.
            Log.LogMessage(MessageImportance.Low, "DvFlow: the up-to-date inputs are incomplete: {0}", ex.Message);
        }
        Inputs = files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        return true;
    }
}
