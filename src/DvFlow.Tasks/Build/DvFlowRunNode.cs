using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DvFlow.Tasks.Build;

/// <summary>
/// Runs one flow task (the body of its generated target): logs its parameters, why it runs or is
/// skipped, its commands and markers, and returns its output items. FileSet files become one item per
/// file with FileType, BaseDir, Src, IncDirs, Defines and Attributes metadata.
/// </summary>
public sealed class DvFlowRunNode : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The plan file.</summary>
    [Required] public string PlanFile { get; set; } = "";
    /// <summary>The node to run.</summary>
    [Required] public string Node { get; set; } = "";
    /// <summary>Ignore up-to-date checks.</summary>
    public bool Force { get; set; }
    /// <summary>The build session id.</summary>
    public string? Session { get; set; }

    /// <summary>User task library assemblies (<c>DvFlowTaskLibrary</c> items and built <c>ProjectReference</c>s) for <c>shell: csharp</c> tasks and C# up-to-date checks.</summary>
    public ITaskItem[] TaskLibraries { get; set; } = [];

    /// <summary>The node's output items.</summary>
    [Output] public ITaskItem[] Outputs { get; set; } = [];

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (BuildCaches.TryPlan(BuildEngine4, PlanFile, Log) is not { } plan) return false;
        // Only when someone listens (a binlog, -v:diag): rendering every parameter as JSON costs more than a light task.
        if (plan.ByName.TryGetValue(Node, out var spec) && Log.LogsMessagesOfImportance(MessageImportance.Low))
        {
            Log.LogMessage(MessageImportance.Low, "DvFlow task {0} ({1}{2}) in {3}", spec.Name, spec.Kind, spec.Shell is null ? "" : ", " + spec.Shell + " " + FirstLine(spec.Run), spec.RunDir);
            foreach (var (k, v) in spec.Params)
                Log.LogMessage(MessageImportance.Low, "  param {0} = {1}", k, FlowValues.ToJson(v));
        }
        var log = new MsBuildRunLog(Log);
        var session = string.IsNullOrEmpty(Session) ? null : Session;
        if (BuildCaches.Results(BuildEngine4, PlanFile, session).TryGetValue(Node, out var collected))
        {
            // The task ran in a batch (concurrently with others), or an entry target's up-to-date pass decided it;
            // replay its log here, under its own target.
            foreach (var e in collected.Events) e.ReplayTo(log);
            Log.LogMessage(MessageImportance.Low, "{0}: decided earlier in this build (parallel batch or up-to-date pass) in {1:F1} s", Node, collected.Elapsed.TotalSeconds);
            return Finish(collected.Outcome, spec);
        }
        using var guard = RunRootGuard.Enter(BuildEngine4, Log, plan.RunRoot, session, BuildEngine.ProjectFileOfTaskNode, -1, _cancel.Token);
        if (guard is null) return false;
        var impls = BuildCaches.Implementations(BuildEngine4, plan, TaskLibraries, p => DiagnosticLogging.Warning(Log, DiagnosticLogging.FlowFile(plan), "DVF0008", p));
        var runner = new NodeRunner(plan, BuildCaches.Store(BuildEngine4), impls, log, new RunOptions { Force = Force, Session = session });
        NodeOutcome outcome;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            outcome = runner.RunAsync(Node, _cancel.Token).GetAwaiter().GetResult();
            // Known to the rest of the build (an entry target's summary, later batches): its log went out here already.
            BuildCaches.Results(BuildEngine4, PlanFile, session).TryAdd(Node, new NodeResult(outcome, [], clock.Elapsed));
        }
        catch (OperationCanceledException)
        {
            DiagnosticLogging.Error(Log, spec?.Location, "DVF0005", $"{Node}: cancelled");
            return false;
        }
        return Finish(outcome, spec);
    }

    private bool Finish(NodeOutcome outcome, NodeSpec? spec)
    {
        BuildCaches.ReportWriteError(BuildEngine4, Log, spec?.Location);
        Outputs = outcome.Output.SelectMany(ToItems).ToArray();
        if (!outcome.Success && !Log.HasLoggedErrors)
            DiagnosticLogging.Error(Log, spec?.Location, "DVF6001", $"{Node} failed");
        return outcome.Success && !Log.HasLoggedErrors;
    }

    private static string FirstLine(string? s)
    {
        if (s is null) return "";
        var l = s.Split('\n')[0];
        return l.Length > 60 ? l[..57] + "..." : l;
    }

    /// <summary>The MSBuild items of a data item.</summary>
    public static IEnumerable<ITaskItem> ToItems(DataItem item)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["DataType"] = item.Type,
            ["Src"] = item.Src ?? "",
            ["Seq"] = item.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in item.Fields)
        {
            var name = MetadataName(k);
            if (name is null) continue;
            meta[name] = v switch
            {
                IReadOnlyList<object?> l => string.Join(";", l.Select(x => FlowValues.ToDisplayString(x))),
                null => "",
                _ => FlowValues.ToDisplayString(v),
            };
        }
        if (item.Type == "std.FileSet")
        {
            var files = InputSignature.FilesOf(item).ToList();
            foreach (var f in files)
                yield return new TaskItem(f, meta);
            if (files.Count > 0) yield break;
            yield return new TaskItem(item.GetString("basedir") is { Length: > 0 } b ? b : item.Src ?? "fileset", meta);
            yield break;
        }
        yield return new TaskItem($"{item.Type}:{item.Src}:{item.Seq}", meta);
    }

    // MSBuild metadata names: FileType, BaseDir, IncDirs... (PascalCase of the field), skipping reserved ones.
    private static string? MetadataName(string field)
    {
        var parts = field.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        name = name switch { "Filetype" => "FileType", "Basedir" => "BaseDir", "Incdirs" => "IncDirs", _ => name };
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0])) return null;
        return name is "FullPath" or "RootDir" or "Filename" or "Extension" or "RelativeDir" or "Directory" or "RecursiveDir" or "Identity"
            or "ModifiedTime" or "CreatedTime" or "AccessedTime" or "DefiningProjectFullPath" or "DefiningProjectDirectory"
            or "DefiningProjectName" or "DefiningProjectExtension" ? "Flow" + name : name;
    }
}
