using System.Diagnostics;
using System.Reflection;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>Turns an exception thrown by user task code into an error marker at the throwing line (when the library has symbols).</summary>
internal static class UserCodeError
{
    public static TaskMarker Marker(string what, Exception ex)
    {
        while (ex is TargetInvocationException { InnerException: { } inner }) ex = inner;
        var frame = new StackTrace(ex, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() is not null);
        var method = frame?.GetMethod();
        var where = method is null ? "" : $" (at {Describe(method)})";
        var message = $"{what} threw {ex.GetType().Name}: {ex.Message}{where}";
        return frame?.GetFileName() is { } file
            ? new TaskMarker(MarkerSeverity.Error, message, file, frame.GetFileLineNumber(), frame.GetFileColumnNumber())
            : new TaskMarker(MarkerSeverity.Error, message);
    }

    // Async methods run in a compiler-generated MoveNext: name the method the user wrote.
    private static string Describe(MethodBase m)
    {
        var type = m.DeclaringType;
        if (m.Name == "MoveNext" && type is { DeclaringType: { } outer } && type.Name.StartsWith('<'))
            return $"{outer.FullName}.{type.Name[1..type.Name.IndexOf('>')]}";
        return $"{type?.FullName}.{m.Name}";
    }
}
