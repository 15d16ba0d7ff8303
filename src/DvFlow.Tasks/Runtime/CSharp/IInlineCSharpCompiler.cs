using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Compiles the C# statements of an inline <c>shell: csharp</c> task or generator into an assembly holding
/// <c>public static class DvFlowInline { public static Task&lt;TaskDataResult&gt; Run(TaskRunCtxt ctxt, TaskDataInput input) }</c>
/// (a task) or <c>public static Task Run(GeneratorCtxt ctxt, GeneratorInput input)</c> (a generator).
/// Implemented by DvFlow.CSharp.dll (Roslyn), which the runner loads only when a flow has inline C#.
/// </summary>
public interface IInlineCSharpCompiler
{
    /// <summary>
    /// Compiles <paramref name="body"/> to <paramref name="assemblyPath"/>. Returns the diagnostics (errors
    /// and warnings) with <see cref="TaskMarker.Line"/> and <see cref="TaskMarker.Column"/> relative to the body
    /// (1-based); the assembly is written only when there is no error.
    /// </summary>
    IReadOnlyList<TaskMarker> Compile(string body, string assemblyPath, IReadOnlyList<string> references, InlineKind kind);
}

/// <summary>What an inline C# body implements.</summary>
public enum InlineKind
{
    /// <summary>A task: <c>ctxt</c> is a TaskRunCtxt, <c>input</c> a TaskDataInput; it may return a TaskDataResult.</summary>
    Task,
    /// <summary>A generator: <c>ctxt</c> is a GeneratorCtxt, <c>input</c> a GeneratorInput.</summary>
    Generator,
}
