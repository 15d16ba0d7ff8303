namespace DvFlow.TaskApi;

/// <summary>
/// Flow values that cannot be used as asked: two values with no order (a string and a number), a value that is not a
/// number where one is needed, or one that nests too deeply (a cycle). The expression engine reports it at the
/// expression that used the values.
/// </summary>
public sealed class FlowValueException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong with the values.</param>
    public FlowValueException(string message) : base(message) { }
}
