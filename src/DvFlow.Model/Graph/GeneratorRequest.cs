using DvFlow.Model.Definitions;
using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>What a generator host gets: the generating task's name, directories and final parameters, and its <c>generate</c> entry.</summary>
/// <param name="TaskName">The generating compound task's fully qualified name.</param>
/// <param name="SrcDir">The directory of the flow file that declared the task.</param>
/// <param name="RunDir">The task's absolute run directory.</param>
/// <param name="Params">The task's final parameter values.</param>
/// <param name="Generate">The <c>strategy.generate</c> entry: shell, run and where <c>run</c> is written.</param>
public sealed record GeneratorRequest(string TaskName, string SrcDir, string RunDir, FlowMap Params, GenerateDef Generate);
