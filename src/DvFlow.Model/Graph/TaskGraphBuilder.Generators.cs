using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Graph;

// Generators: a strategy.generate task's generated body.
public sealed partial class TaskGraphBuilder
{
    // Runs the task's generator and turns what it created into body entries, as if written under 'body:' in the
    // file that declared the generator (so names resolve from that package, and errors point at 'run:').
    private IEnumerable<(TaskDef Def, Level Level)> Generated(TaskNodeDraft node, GenerateDef generate, IReadOnlyList<Level> chain, List<(TaskDef Def, Level Level)> body)
    {
        if (_generators is null)
        {
            _diag.Warning(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' was not run: nothing here runs generators", generate.Location);
            return [];
        }
        var level = chain.Last(l => l.Task?.Strategy?.Generate == generate);
        GeneratorResult result;
        try { result = _generators.Generate(new GeneratorRequest(node.Name, node.SrcDir, node.RunDirFull, node.ParamValues, generate)); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' failed: {ex.Message}", generate.Location);
            return [];
        }
        _generatorInputs.AddRange(result.InputFiles);
        foreach (var d in result.Diagnostics) _diag.Add(d);
        if (result.Diagnostics.Any(d => d.IsError)) return [];
        var names = new HashSet<string>(body.Select(b => b.Def.Name), StringComparer.Ordinal);
        var defs = new List<(TaskDef, Level)>();
        foreach (var spec in result.Tasks)
        {
            if (spec.Name.Length == 0 || spec.Name.Contains('.') || spec.Name.Any(char.IsWhiteSpace))
            {
                _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' created a task named '{spec.Name}': a subtask name is one non-empty word without dots", generate.Location);
                continue;
            }
            if (!names.Add(spec.Name))
            {
                _diag.Error(DiagnosticCodes.Generator, $"the generator of task '{node.Name}' created two subtasks named '{spec.Name}'", generate.Location);
                continue;
            }
            var at = generate.Location;
            defs.Add((new TaskDef
            {
                Name = spec.Name,
                Location = at,
                FragmentFile = level.File,
                Uses = new NameRef(spec.Uses, at),
                Needs = spec.Needs.Select(n => new NameRef(n, at)).ToList(),
                With = spec.With.Select(kv => new ParamDef(kv.Key, at, null, YNodeFactory.FromValue(kv.Value, at), null, null, null, null, null, null, false)).ToList(),
            }, level));
        }
        return defs;
    }
}
