using System.Reflection;

namespace DvFlow.Tasks.Runtime.CSharp;

/// <summary>
/// Finds the type or method a <c>run:</c> or <c>uptodate:</c> reference names in the task libraries.
/// Forms: <c>Namespace.Type</c> (a class task), <c>Namespace.Type.Method</c> (a static method), each
/// optionally followed by <c>, AssemblyName</c> to look in one library only. Nested types use <c>+</c>.
/// </summary>
internal static class CSharpReference
{
    /// <summary>The type named exactly <paramref name="reference"/>, or null.</summary>
    public static Type? FindType(string reference, IReadOnlyList<Assembly> assemblies)
    {
        var (name, asm) = Split(reference);
        return Candidates(assemblies, asm).Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
    }

    /// <summary>The public static methods named by <paramref name="reference"/> (Type.Method), or an error saying what is missing.</summary>
    public static IReadOnlyList<MethodInfo> FindMethods(string reference, IReadOnlyList<Assembly> assemblies, IReadOnlyList<string> paths, out string? error)
    {
        error = null;
        var (name, asm) = Split(reference);
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            error = $"'{reference}' is not a C# reference: write Namespace.Type.Method (a function task) or Namespace.Type (a class task)";
            return [];
        }
        var typeName = name[..dot];
        var method = name[(dot + 1)..];
        var type = Candidates(assemblies, asm).Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        if (type is null)
        {
            error = $"neither a type '{name}' nor a type '{typeName}' was found in the task libraries ({Libraries(paths)})";
            return [];
        }
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method).ToList();
        if (methods.Count == 0) error = $"type '{type.FullName}' has no public static method '{method}'";
        return methods;
    }

    public static string Libraries(IReadOnlyList<string> paths)
        => paths.Count == 0 ? "none listed: add <DvFlowTaskLibrary Include=\"path/to/Lib.dll\" /> or a <ProjectReference> to the flow project" : string.Join(", ", paths.Select(Path.GetFileName));

    private static (string Name, string? Assembly) Split(string reference)
    {
        var comma = reference.IndexOf(',');
        return comma < 0 ? (reference.Trim(), null) : (reference[..comma].Trim(), reference[(comma + 1)..].Trim());
    }

    private static IEnumerable<Assembly> Candidates(IReadOnlyList<Assembly> assemblies, string? name)
        => name is null ? assemblies : assemblies.Where(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
}
