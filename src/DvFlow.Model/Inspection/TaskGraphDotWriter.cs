using System.Text;
using DvFlow.Model.Graph;
using DvFlow.TaskApi;

namespace DvFlow.Model.Inspection;

/// <summary>A task graph as a Graphviz dot digraph: a node per task (compounds 3-D, compound inputs points, data items notes, disabled tasks dashed), an edge from each need to its task.</summary>
public static class TaskGraphDotWriter
{
    /// <summary>The dot text of <paramref name="graph"/>.</summary>
    public static string Write(TaskGraph graph)
    {
        var sb = new StringBuilder();
        sb.AppendLine("digraph flow {");
        sb.AppendLine("  rankdir=TB;");
        sb.AppendLine("  node [shape=box];");
        foreach (var n in graph.Nodes)
        {
            var shape = n.Kind switch { TaskNodeKind.Compound => "box3d", TaskNodeKind.CompoundInput => "point", TaskNodeKind.DataItem => "note", _ => "box" };
            var style = n.Enabled ? "" : ", style=dashed";
            sb.AppendLine($"  {Id(n.Name)} [shape={shape}{style}];");
        }
        foreach (var n in graph.Nodes)
            foreach (var need in n.Needs)
                sb.AppendLine($"  {Id(need.Name)} -> {Id(n.Name)};");
        sb.AppendLine("}");
        return sb.ToString();
    }

    // A quoted dot ID: '"' and '\' are escaped so any task name yields a valid file.
    private static string Id(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
