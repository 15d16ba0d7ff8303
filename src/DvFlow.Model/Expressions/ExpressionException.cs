using DvFlow.TaskApi;

namespace DvFlow.Model.Expressions;

/// <summary>
/// A syntax or evaluation error in a <c>${{ }}</c> expression. This is the only exception type the
/// expression engine raises for bad input.
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates an error at <paramref name="offset"/>.</summary>
    /// <param name="message">A human-readable description of the problem.</param>
    /// <param name="offset">The 0-based character offset in the template text, or -1 when unknown.</param>
    public ExpressionException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>Creates an error at <paramref name="offset"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">A human-readable description of the problem.</param>
    /// <param name="offset">The 0-based character offset in the template text, or -1 when unknown.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public ExpressionException(string message, int offset, Exception? innerException)
        : base(message, innerException)
    {
        Offset = offset;
    }

    /// <summary>
    /// The 0-based character offset into the original template text where the problem is (best effort),
    /// or -1 when the error was raised outside of a template (for example by <see cref="FlowValues.Compare"/>).
    /// </summary>
    public int Offset { get; }
}
