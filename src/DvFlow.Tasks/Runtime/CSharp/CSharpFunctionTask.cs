using System.Reflection;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>A function task: <c>public static async Task&lt;TaskDataResult&gt; Name(TaskRunCtxt ctxt, TaskDataInput input)</c>.</summary>
internal sealed class CSharpFunctionTask(MethodInfo method, string? displayName = null, Func<TaskMarker, TaskMarker>? mapMarker = null) : ITaskImplementation, IUserCode
{
    private readonly Func<TaskRunCtxt, TaskDataInput, Task<TaskDataResult>> _call = method.CreateDelegate<Func<TaskRunCtxt, TaskDataInput, Task<TaskDataResult>>>();

    /// <summary>True when <paramref name="m"/> has the function task signature.</summary>
    public static bool Fits(MethodInfo m)
        => m.ReturnType == typeof(Task<TaskDataResult>)
           && m.GetParameters() is [{ ParameterType: var a }, { ParameterType: var b }] && a == typeof(TaskRunCtxt) && b == typeof(TaskDataInput);

    public Type CodeType => method.DeclaringType ?? typeof(CSharpFunctionTask);

    public const string Signature = "public static async Task<TaskDataResult> NAME(TaskRunCtxt ctxt, TaskDataInput input)";

    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        try
        {
            return await _call(ctxt, input).ConfigureAwait(false) ?? new TaskDataResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var marker = UserCodeError.Marker(displayName ?? $"{method.DeclaringType?.FullName}.{method.Name}", ex);
            return Failed(mapMarker is null ? marker : mapMarker(marker));
        }
    }

    public static TaskDataResult Failed(TaskMarker marker)
    {
        var r = new TaskDataResult { Status = 1, Changed = false };
        r.Markers.Add(marker);
        return r;
    }
}
