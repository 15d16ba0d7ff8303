using System.Text;
using DvFlow.TaskApi;
using DvFlow.Tasks.Runtime.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace DvFlow.CSharp;

/// <summary>Compiles inline task bodies with Roslyn into a small assembly (see <see cref="IInlineCSharpCompiler"/>).</summary>
public sealed class InlineCompiler : IInlineCSharpCompiler
{
    // The body is placed on its own lines after '#line 1', so body line N is reported as line N.
    private const string Prologue = """
        #pragma warning disable CS1998, CS0162
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using DvFlow.TaskApi;

        public static class DvFlowInline
        {

        """;

    private const string TaskHeader = """
            public static async Task<TaskDataResult> Run(TaskRunCtxt ctxt, TaskDataInput input)
            {
        #line 1 "inline.cs"

        """;

    private const string GeneratorHeader = """
            public static async Task Run(GeneratorCtxt ctxt, GeneratorInput input)
            {
        #line 1 "inline.cs"

        """;

    private const string TaskEpilogue = """

        #line hidden
                return new TaskDataResult();
            }
        }
        """;

    private const string GeneratorEpilogue = """

        #line hidden
            }
        }
        """;

    /// <inheritdoc />
    public IReadOnlyList<TaskMarker> Compile(string body, string assemblyPath, IReadOnlyList<string> references, InlineKind kind)
    {
        var source = kind == InlineKind.Generator ? Prologue + GeneratorHeader + body + GeneratorEpilogue : Prologue + TaskHeader + body + TaskEpilogue;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "inline.cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(assemblyPath),
            [tree],
            references.Select(r => MetadataReference.CreateFromFile(r)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Disable));
        using var dll = new MemoryStream();
        // Embedded symbols give exceptions thrown by the body a file and line ('inline.cs', mapped to the flow file by the runner).
        var emitted = compilation.Emit(dll, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        var markers = emitted.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(ToMarker).ToList();
        if (emitted.Success)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(assemblyPath)!);
            // Several MSBuild nodes may compile the same body at once: write aside, then move into place.
            var temp = assemblyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, dll.ToArray());
            File.Move(temp, assemblyPath, overwrite: true);
        }
        return markers;
    }

    private static TaskMarker ToMarker(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var inBody = span.IsValid && span.HasMappedPath;
        return new TaskMarker(d.Severity == DiagnosticSeverity.Error ? MarkerSeverity.Error : MarkerSeverity.Warning, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            null, inBody ? span.StartLinePosition.Line + 1 : -1, inBody ? span.StartLinePosition.Character + 1 : -1) { Code = d.Id };
    }
}
