using DvFlow.Model.Definitions;
using DvFlow.Model.Expressions;
using DvFlow.Model.Graph;

namespace DvFlow.Tasks.Runtime;

/// <summary>Turns a task graph into the plan the runner executes.</summary>
public static class FlowPlanBuilder
{
    // std built-ins are cheap (they run inline) except those declared to run processes; task-library built-ins
    // (simulators and other tools) run processes, so they get their own project instance.
    private static bool IsHeavyBuiltin(string run) => !run.StartsWith("std.", StringComparison.Ordinal) || Std.StdLibrary.RunsProcesses(run);

    /// <summary>The tag category that makes a task a test (<c>tags: [{std.Tag: {category: test}}]</c>).</summary>
    public const string TestCategory = "test";

    /// <summary>Creates the plan of <paramref name="graph"/>.</summary>
    public static FlowPlan Build(TaskGraph graph, string rootPackage, string projectDir, string flowFile = "")
    {
        var targets = TargetNames.Assign(graph.Nodes.Select(n => n.Name));
        var nodes = graph.Nodes.Select(n => new NodeSpec
        {
            Name = n.Name,
            Target = targets[n.Name],
            Package = n.Package,
            Kind = n.Kind,
            Shell = n.Shell,
            Run = n.Run,
            DataType = n.DataType,
            Params = n.ParamValues,
            Needs = n.Needs.Select(x => x.Name).ToList(),
            Consumes = n.Consumes,
            Passthrough = n.Passthrough,
            Produces = n.Produces?.Cast<object?>().ToList(),
            RunDir = n.RunDirFull,
            SrcDir = n.SrcDir,
            Enabled = n.Enabled,
            Uptodate = n.Uptodate.Kind switch { UptodateKind.Never => "never", UptodateKind.Custom => n.Uptodate.Check!, _ => "default" },
            Parent = n.Parent?.Name,
            Location = n.Location,
            RunLocation = n.RunLocation?.ToString(),
            Desc = n.Desc,
            IsTest = n.Tags.Any(t => t.Category == TestCategory),
            Matrix = n.Matrix,
            Heavy = n.Enabled && n.Kind == TaskNodeKind.Leaf && (n.Shell != "builtin" || IsHeavyBuiltin(n.Run ?? "")),
        }).ToList();
        // Cheap nodes below a heavy node also run in that node's project instance.
        var heavy = nodes.Where(n => n.Heavy).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        void Mark(string name)
        {
            foreach (var need in byName[name].Needs)
                if (!heavy.Contains(need) && shared.Add(need)) Mark(need);
        }
        foreach (var h in heavy) Mark(h);
        nodes = nodes.Select(n => shared.Contains(n.Name) ? n with { Shared = true } : n).ToList();
        return new FlowPlan(rootPackage, graph.RunRoot, projectDir, nodes, flowFile);
    }
}
