namespace DvFlow.TaskApi;

/// <summary>
/// A task created by a generator (<see cref="GeneratorCtxt.MkTaskNode"/>): it becomes a subtask of the generating
/// task, exactly as if written under its <c>body:</c> as <c>{name, uses, with, needs}</c>.
/// </summary>
/// <param name="Name">The subtask's short name (its node is <c>&lt;generating task&gt;.&lt;Name&gt;</c>).</param>
/// <param name="Uses">The task it derives from, named as from the generating task's package (e.g. <c>hdlsim.vlt.SimRun</c>).</param>
/// <param name="With">Parameter values: strings, numbers, bools, lists and maps of those.</param>
/// <param name="Needs">Other generated tasks by short name, or tasks the generating package can name.</param>
public sealed record GeneratedTask(string Name, string Uses, IReadOnlyDictionary<string, object?> With, IReadOnlyList<string> Needs);
