using System.Text;
using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Loading;

/// <summary>
/// Reads the text of a flow file within <see cref="FlowLimits.MaxFlowFileBytes"/>, and never opens what is not a regular
/// file with content: a named pipe blocks its reader until a writer comes, and a device (<c>/dev/zero</c>) never ends.
/// </summary>
internal static class FlowFileText
{
    /// <summary>The outcome of a read: the text, or the diagnostic code and message saying why there is none.</summary>
    public readonly record struct Result(string? Text, string? Code, string? Problem, long Bytes = 0);

    /// <summary>Reads <paramref name="path"/>; <paramref name="budget"/> is how many bytes the load may still read.</summary>
    public static Result Read(string path, long budget = long.MaxValue)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return new(null, DiagnosticCodes.FileNotFound, "the file does not exist");
            // .NET reports no file type on Unix; pipes and devices have no size, and an empty file has nothing to read.
            if (info.Length == 0)
                return new(null, DiagnosticCodes.FileNotFound, "the file is empty, or is not a regular file (a pipe or a device, which are never read)");
            if (info.Length > FlowLimits.MaxFlowFileBytes)
                return new(null, DiagnosticCodes.LimitExceeded, $"the file is {info.Length} bytes; flow files are read up to {FlowLimits.MaxFlowFileBytes} bytes");
            if (info.Length > budget)
                return new(null, DiagnosticCodes.LimitExceeded, $"the flow files of this load exceed {FlowLimits.MaxTotalFlowBytes} bytes together");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            // The file may grow between the size check and the read: read one byte past the limit at most.
            var max = (int)Math.Min(FlowLimits.MaxFlowFileBytes + 1, info.Length + 1);
            var bytes = new byte[max];
            var n = 0;
            int got;
            while (n < max && (got = stream.Read(bytes, n, max - n)) > 0) n += got;
            if (n > FlowLimits.MaxFlowFileBytes)
                return new(null, DiagnosticCodes.LimitExceeded, $"the file grew past {FlowLimits.MaxFlowFileBytes} bytes while it was read");
            using var reader = new StreamReader(new MemoryStream(bytes, 0, n), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new(reader.ReadToEnd(), null, null, n);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new(null, DiagnosticCodes.FileNotFound, ex.Message);
        }
    }
}
