using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// Resolves task and type names as written in a package: the named fragment's own tasks first, then
/// the package's tasks, then qualified names (<c>pkg.task</c>, an import alias, std, or an installed
/// package loaded on demand), honouring config package overrides, task substitutions and visibility.
/// </summary>
internal sealed class NameResolver
{
    private readonly FlowLoader? _loader;
    private readonly IReadOnlyDictionary<string, FlowPackage>? _packages;
    private readonly IReadOnlyDictionary<string, TaskDecl> _substitutions;
    private readonly DiagnosticBag _diag;

    public NameResolver(FlowLoader loader, DiagnosticBag diagnostics)
    {
        _loader = loader;
        _diag = diagnostics;
        _substitutions = new Dictionary<string, TaskDecl>();
    }

    public NameResolver(FlowModel model, DiagnosticBag diagnostics)
    {
        _packages = model.Packages;
        _substitutions = model.Substitutions;
        _diag = diagnostics;
    }

    private FlowPackage? GetPackage(string name, SourceLocation at)
        => _loader is not null ? _loader.GetPackage(name, at) : _packages!.GetValueOrDefault(name);

    /// <summary>Resolves a task reference; null (with an error when <paramref name="report"/>) when not found or not visible.</summary>
    public TaskDecl? ResolveTask(NameRef name, FlowPackage from, string fromFile, string fragmentPrefix, bool forNeeds, bool report)
    {
        var decl = FindTask(name.Name, from, fragmentPrefix);
        if (decl is null)
        {
            if (report)
            {
                var candidates = from.Tasks.Keys.Concat(from.Imports.Keys.SelectMany(a => GetLoaded(from.Imports[a])?.Tasks.Keys.Select(t => a + "." + t) ?? []));
                var hint = NameSuggester.Hint(name.Name, candidates);
                _diag.Error(DiagnosticCodes.UnknownTask, $"task '{name.Name}' not found{hint}", name.Location);
            }
            return null;
        }
        if (_substitutions.TryGetValue(decl.FullName, out var sub) && sub != decl && sub.Package != decl.Package) decl = sub;
        if (!report) return decl;
        // 'local' tasks are visible only in the file that declares them.
        if ((decl.Def.Scope & TaskScope.Local) != 0 && decl.Def.FragmentFile != fromFile && decl.Package == from)
        {
            _diag.Error(DiagnosticCodes.NotVisible, $"task '{decl.FullName}' is local to '{Path.GetFileName(decl.Def.FragmentFile)}' ({decl.Def.FragmentFile}) and cannot be referenced from '{fromFile}'", name.Location);
            return null;
        }
        if (decl.Package != from && (decl.Def.Scope & TaskScope.Local) != 0)
        {
            _diag.Error(DiagnosticCodes.NotVisible, $"task '{decl.FullName}' is local to its package and cannot be referenced from package '{from.Name}'", name.Location);
            return null;
        }
        if (forNeeds && decl.Package != from && (decl.Def.Scope & (TaskScope.Export | TaskScope.Root)) == 0 && decl.Package.Name != "std")
            _diag.Warning(DiagnosticCodes.NotVisible, $"task '{decl.FullName}' in package '{decl.Package.Name}' is not marked 'export'; mark it 'export' to reference it from package '{from.Name}'", name.Location);
        return decl;
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
    public TypeDecl? ResolveType(NameRef name, FlowPackage from, bool report)
    {
        var n = name.Name;
        var t = from.Types.GetValueOrDefault(n)
                ?? (n.StartsWith(from.Name + ".", StringComparison.Ordinal) ? from.Types.GetValueOrDefault(n[(from.Name.Length + 1)..]) : null)
                ?? FindQualified(n, from, (p, rest) => p.Types.GetValueOrDefault(rest));
        if (t is null && report)
            _diag.Error(DiagnosticCodes.UnknownType, $"type '{n}' not found{NameSuggester.Hint(n, from.Types.Keys)}", name.Location);
        return t;
    }

    /// <summary>Splits <c>a.b.c.Name</c> at each dot, longest package prefix first.</summary>
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
            // A named-fragment task inside another package: pkg.frag.task
            var inner = name[(dot + 1)..];
            found = lookup(pkg, inner);
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>Resolves a reference to a parameter-carrying base: a task, or else a type (DataItem tasks).</summary>
    public (TaskDecl? Task, TypeDecl? Type) ResolveBase(NameRef name, FlowPackage from, string fromFile, string fragmentPrefix)
    {
        var t = FindTask(name.Name, from, fragmentPrefix);
        if (t is not null)
        {
            if (_substitutions.TryGetValue(t.FullName, out var sub) && sub.Package != t.Package) t = sub;
            return (ResolveTask(name, from, fromFile, fragmentPrefix, forNeeds: false, report: true), null);
        }
        var ty = ResolveType(name, from, report: false);
        if (ty is not null) return (null, ty);
        var candidates = from.Tasks.Keys.Concat(from.Types.Keys).Concat(from.Imports.Keys.SelectMany(a =>
            GetLoaded(from.Imports[a]) is { } p ? p.Tasks.Keys.Concat(p.Types.Keys).Select(x => a + "." + x) : []));
        if (name.Name.StartsWith("std.", StringComparison.Ordinal) && GetLoaded("std") is { } std)
            candidates = candidates.Concat(std.Tasks.Keys.Concat(std.Types.Keys).Select(x => "std." + x));
        _diag.Error(DiagnosticCodes.UnknownTask, $"'{name.Name}' is neither a task nor a type{NameSuggester.Hint(name.Name, candidates)}", name.Location);
        return (null, null);
    }
}
