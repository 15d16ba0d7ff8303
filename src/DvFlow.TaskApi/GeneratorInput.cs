
namespace DvFlow.TaskApi;

/// <summary>What a generator receives about the generating task: its name, directories and parameter values.</summary>
public sealed class GeneratorInput
{
    /// <summary>Creates an input.</summary>
    public GeneratorInput(string name, string runDir, string srcDir, FlowMap parameters)
    {
        Name = name;
        RunDir = runDir;
        SrcDir = srcDir;
        Params = parameters;
    }

    /// <summary>The fully qualified name of the generating task.</summary>
    public string Name { get; }
    /// <summary>The generating task's run directory (it need not exist yet: generators run before any task).</summary>
    public string RunDir { get; }
    /// <summary>The directory of the flow file that declares the generating task.</summary>
    public string SrcDir { get; }
    /// <summary>Parameter values by name.</summary>
    public FlowMap Params { get; }

    /// <summary>A string parameter ("" when absent).</summary>
    public string Str(string name) => ParamReader.Str(Params, name);
    /// <summary>A boolean parameter.</summary>
    public bool Bool(string name) => ParamReader.Bool(Params, name);
    /// <summary>A list parameter as strings.</summary>
    public IReadOnlyList<string> List(string name) => ParamReader.List(Params, name);
    /// <summary>A map parameter.</summary>
    public IReadOnlyDictionary<string, object?> Map(string name) => ParamReader.Map(Params, name);
}
