using DvFlow.Model.Yaml;

namespace DvFlow.Tasks.Build;

/// <summary>Finds the task a user named (short names refer to the root package) and, when there is none, says which tasks are closest.</summary>
internal static class TaskNameLookup
{
    /// <summary>The full name of <paramref name="requested"/> among <paramref name="names"/>, or null with the message to report.</summary>
    public static string? Find(string requested, string rootPackage, IReadOnlyCollection<string> names, out string? error)
    {
        error = null;
        var qualified = requested.Contains('.') ? requested : rootPackage + "." + requested;
        if (names.Contains(qualified)) return qualified;
        if (names.Contains(requested)) return requested;
        var closest = NameSuggester.Closest(requested, names);
        error = closest.Count == 0
            ? $"task '{requested}' not found in the flow (dotnet build -t:DvFlowShow lists its tasks)"
            : $"task '{requested}' not found in the flow; the closest: {string.Join(", ", closest.Select(c => $"'{c}'"))}";
        return null;
    }
}
