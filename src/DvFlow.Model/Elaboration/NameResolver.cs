using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// Resolves task and type names as written in a package: the named fragment's own tasks first, then
/// the package's tasks, then qualified names (<c>pkg.task</c>, an import alias, std, or an installed
/// package loaded on demand), honouring config package overrides, task substitutions and visibility.
/// </summary>
internal sealed class NameResolver
{
    private readonly FlowElaborator? _loader;
    private readonly IReadOnlyDictionary<string, FlowPackage>? _packages;
    private readonly IReadOnlyDictionary<string, TaskDecl> _substitutions;
    private readonly DiagnosticBag _diag;

    public NameResolver(FlowElaborator loader, IReadOnlyDictionary<string, TaskDecl> substitutions, DiagnosticBag diagnostics)
    {
        _loader = loader;
        _diag = diagnostics;
        _substitutions = substitutions;
    }

    public NameResolver(FlowModel model, DiagnosticBag diagnostics)
    {
        _packages = model.Packages;
        _substitutions = model.Substitutions;
        _diag = diagnostics;
    }

    /// <summary>
    /// Resolves a task reference; null (with an error when <paramref name="report"/>) when not found or not visible.
    /// <paramref name="self"/> is the task doing the referring: an overriding task never resolves to itself.
    /// </summary>
    public TaskDecl? ResolveTask(NameRef name, FlowPackage from, string fromFile, string fragmentPrefix, bool forNeeds, bool report,
        TaskDecl? self = null, string? referrer = null)
    {
        (from, fromFile, fragmentPrefix) = Origin(name, from, fromFile, fragmentPrefix);
        var decl = FindTask(name.Name, from, fragmentPrefix);
        if (decl is null)
        {
            if (report) ReportUnknownTask(name, from);
            return null;
        }
        decl = Substitute(decl, from, self);
        return report ? CheckVisible(decl, name, from, fromFile, forNeeds, referrer) : decl;
    }

    // A name written in another package (a config extension's need) resolves in that package.
    private (FlowPackage, string, string) Origin(NameRef name, FlowPackage from, string fromFile, string fragmentPrefix)
        => name.Origin is { } o && o != from.Name && GetLoaded(o) is { } origin ? (origin, origin.FilePath, "") : (from, fromFile, fragmentPrefix);

    // A qualified 'override:' of another package's task replaces it for references written in the overriding package only.
    private TaskDecl Substitute(TaskDecl decl, FlowPackage from, TaskDecl? self)
        => _substitutions.TryGetValue(decl.FullName, out var sub) && sub != decl && sub != self && sub.Package == from && sub.Package != decl.Package
            ? sub
            : decl;

    private TaskDecl? CheckVisible(TaskDecl decl, NameRef name, FlowPackage from, string fromFile, bool forNeeds, string? referrer)
    {
        // 'local' tasks are visible only in the file that declares them.
        if ((decl.Def.Scope & TaskScope.Local) != 0)
        {
            if (decl.Package != from)
            {
                _diag.Error(DiagnosticCodes.NotVisible, $"task '{decl.FullName}' is local to its package and cannot be referenced from package '{from.Name}'", name.Location);
                return null;
            }
            if (decl.Def.FragmentFile != fromFile)
            {
                _diag.Error(DiagnosticCodes.NotVisible,
                    $"task '{decl.FullName}' is local to '{Path.GetFileName(decl.Def.FragmentFile)}' ({decl.Def.FragmentFile}) and cannot be referenced from '{fromFile}'", name.Location);
                return null;
            }
        }
        // dfm only warns about a cross-package need on a task that is not exported; std is always usable.
        if (forNeeds && decl.Package != from && (decl.Def.Scope & TaskScope.Export) == 0 && decl.Package.Name != "std")
        {
            var who = referrer is null ? $"Package '{from.Name}'" : $"Task '{referrer}'";
            _diag.Warning(DiagnosticCodes.NotVisible,
                $"{who} references task '{decl.FullName}' in package '{decl.Package.Name}' that is not marked 'export'", name.Location);
        }
        return decl;
    }

    private void ReportUnknownTask(NameRef name, FlowPackage from)
    {
        var hint = NameSuggester.Hint(name.Name, TaskCandidates(from));
        _diag.Error(DiagnosticCodes.UnknownTask, $"task '{name.Name}' not found{hint}", name.Location);
    }

    private IEnumerable<string> TaskCandidates(FlowPackage from)
    {
        foreach (var t in from.Tasks.Keys) yield return t;
        foreach (var (alias, real) in from.Imports)
            if (GetLoaded(real) is { } p)
                foreach (var t in p.Tasks.Keys) yield return alias + "." + t;
        if (GetLoaded("std") is { } std)
            foreach (var t in std.Tasks.Keys) yield return "std." + t;
    }

    private FlowPackage? GetLoaded(string name) => _loader is not null ? (_loader.IsPackageName(name) ? _loader.GetPackage(name, null) : null) : _packages!.GetValueOrDefault(name);

    private TaskDecl? FindTask(string name, FlowPackage from, string fragmentPrefix)
    {
        if (fragmentPrefix.Length > 0 && from.Tasks.TryGetValue(fragmentPrefix + "." + name, out var inFrag)) return inFrag;
        if (from.Tasks.TryGetValue(name, out var local)) return local;
        if (name.StartsWith(from.Name + ".", StringComparison.Ordinal) && from.Tasks.TryGetValue(name[(from.Name.Length + 1)..], out var own)) return own;
        return FindQualified(name, from, (p, rest) => p.Tasks.GetValueOrDefault(rest));
    }

    /// <summary>Resolves a type reference; null (with an error when <paramref name="report"/>) when not found.</summary>
    public TypeDecl? ResolveType(NameRef name, FlowPackage from, bool report, string fragmentPrefix = "")
    {
        var n = name.Name;
        var t = (fragmentPrefix.Length > 0 ? from.Types.GetValueOrDefault(fragmentPrefix + "." + n) : null)
                ?? from.Types.GetValueOrDefault(n)
                ?? (n.StartsWith(from.Name + ".", StringComparison.Ordinal) ? from.Types.GetValueOrDefault(n[(from.Name.Length + 1)..]) : null)
                ?? FindQualified(n, from, (p, rest) => p.Types.GetValueOrDefault(rest));
        if (t is null && report)
            _diag.Error(DiagnosticCodes.UnknownType, $"type '{n}' not found{NameSuggester.Hint(n, TypeCandidates(from))}", name.Location);
        return t;
    }

    private IEnumerable<string> TypeCandidates(FlowPackage from)
    {
        foreach (var t in from.Types.Keys) yield return t;
        foreach (var (alias, real) in from.Imports)
            if (GetLoaded(real) is { } p)
                foreach (var t in p.Types.Keys) yield return alias + "." + t;
        if (GetLoaded("std") is { } std)
            foreach (var t in std.Types.Keys) yield return "std." + t;
    }

    /// <summary>
    /// Splits <c>a.b.c.Name</c> at each dot, longest package prefix first, so that both a dotted package
    /// (<c>hdlsim.vlt.SimImage</c>) and a named fragment of a package (<c>pkg.rtl.build</c>) resolve.
    /// </summary>
    private T? FindQualified<T>(string name, FlowPackage from, Func<FlowPackage, string, T?> lookup) where T : class
    {
        for (var dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
        {
            var pkgName = name[..dot];
            var rest = name[(dot + 1)..];
            // Config package overrides apply to references written in the package that declares them.
            if (from.PackageOverrides.TryGetValue(pkgName, out var over)) pkgName = over;
            else if (from.Imports.TryGetValue(pkgName, out var real)) pkgName = real;
            var pkg = GetLoaded(pkgName);
            if (pkg is null) continue;
            var found = lookup(pkg, rest);
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>
    /// Resolves a reference to a parameter-carrying base: a task, or else a type (DataItem tasks).
    /// Reports an error (and returns neither) when the name is neither.
    /// </summary>
    public (TaskDecl? Task, TypeDecl? Type) ResolveBase(NameRef name, FlowPackage from, string fromFile, string fragmentPrefix, TaskDecl? self = null)
    {
        (from, fromFile, fragmentPrefix) = Origin(name, from, fromFile, fragmentPrefix);
        var t = FindTask(name.Name, from, fragmentPrefix);
        if (t is not null)
        {
            t = Substitute(t, from, self);
            // An overriding task that names what it replaces as its base means the replaced task.
            if (t == self && self.Overridden is { } replaced) t = replaced;
            return (CheckVisible(t, name, from, fromFile, forNeeds: false, referrer: null), null);
        }
        var ty = ResolveType(name, from, report: false, fragmentPrefix);
        if (ty is not null) return (null, ty);
        var hint = NameSuggester.Hint(name.Name, TaskCandidates(from).Concat(TypeCandidates(from)));
        _diag.Error(DiagnosticCodes.UnknownTask, $"'{name.Name}' is neither a task nor a type{hint}", name.Location);
        return (null, null);
    }
}
