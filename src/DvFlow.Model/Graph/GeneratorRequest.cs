using DvFlow.Model.Definitions;

namespace DvFlow.Model.Graph;

/// <summary>What a generator host gets: the generating task (with its final parameters and directories) and its <c>generate</c> entry.</summary>
/// <param name="Task">The generating compound task; its parameters, run directory and source directory are final.</param>
/// <param name="Generate">The <c>strategy.generate</c> entry: shell, run and where <c>run</c> is written.</param>
public sealed record GeneratorRequest(TaskNode Task, GenerateDef Generate);
