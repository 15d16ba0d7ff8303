namespace DvFlow.Model.Graph;

/// <summary>
/// A task a generator created: built as a subtask of the generating task, like a <c>body</c> entry
/// <c>{name, uses, with, needs}</c>. Parameter values are flow values (string, long, double, bool, null,
/// lists and maps of those); they must be parameters of <see cref="Uses"/> and fit their types.
/// </summary>
/// <param name="Name">The subtask's short name (unique among the generated tasks).</param>
/// <param name="Uses">The task (or data type) it derives from, named as from the generating task's package.</param>
/// <param name="With">Parameter values, in order.</param>
/// <param name="Needs">Other generated tasks (by short name) or any task the generating package can name.</param>
public sealed record GeneratedTaskSpec(string Name, string Uses, IReadOnlyList<KeyValuePair<string, object?>> With, IReadOnlyList<string> Needs);
