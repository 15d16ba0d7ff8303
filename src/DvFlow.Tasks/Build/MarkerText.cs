namespace DvFlow.Tasks.Build;

/// <summary>
/// The text of a marker in the build log: the task's name, then the message. Task code (plugins written
/// before this rule, dfm ports) often names the task itself; the name is then not repeated.
/// </summary>
internal static class MarkerText
{
    /// <summary><c>task: message</c>, or <paramref name="message"/> when it already starts with that prefix or there is no task.</summary>
    public static string For(string task, string message)
    {
        if (task.Length == 0) return message;
        var prefix = task + ": ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message : prefix + message;
    }
}
