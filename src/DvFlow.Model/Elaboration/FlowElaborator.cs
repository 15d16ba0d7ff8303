using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Expressions;
using DvFlow.Model.Loading;
using DvFlow.Model.Values;
using DvFlow.Model.Yaml;
using DvFlow.TaskApi;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// Elaborates a root flow file and everything it reaches into a <see cref="FlowModel"/>: reads package and
/// fragment files, selects the config (the five steps of the packages document), resolves imports
/// (importing file's directory, then project root, then the registry), evaluates package parameters
/// with import, config and <c>-D</c> overrides, merges overriding tasks, and applies config extensions.
/// </summary>
public sealed class FlowElaborator
{
    /// <summary>The pseudo-path of the built-in std package.</summary>
    public const string StdPath = "<std>/flow.yaml";

    private readonly ElaborationOptions _options;
    private readonly DiagnosticBag _diag = new();
    private readonly FlowFileCache _files;
    private readonly ValueEvaluator _eval;
    private readonly Dictionary<string, FlowPackage> _packages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskDecl> _substitutions = new(StringComparer.Ordinal);
    private readonly List<(FlowPackage Package, ConfigDef Config)> _pendingExtensions = new();
    private readonly List<ParameterOverride> _overrides = new();
    private readonly HashSet<string> _usedPackageOverrides = new(StringComparer.Ordinal);
    private readonly FlowMap _env;
    private string _projectRoot = "";
    private string _rootFile = "";
    private GlobalNames _globals;

    private FlowElaborator(ElaborationOptions options)
    {
        _options = options;
        _files = new FlowFileCache(_diag, p => p == StdPath ? StdPackage.Text : null);
        _eval = new ValueEvaluator(_diag);
        var env = options.Environment ?? System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        _env = new FlowMap(env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));
        _globals = new GlobalNames(_packages.GetValueOrDefault, _env, "", "");
    }

    /// <summary>Loads <paramref name="rootFile"/> (a flow file, or a directory holding flow.dv / flow.yaml).</summary>
    public static FlowModel Elaborate(string rootFile, ElaborationOptions? options = null)
        => new FlowElaborator(options ?? new ElaborationOptions()).Run(rootFile);

    private FlowModel Run(string rootPath)
    {
        FlowPackage? root = null;
        var full = FlowFileLocator.FullPathOrNull(rootPath);
        var located = full is null ? null : FlowFileLocator.Locate(full);
        if (located is null)
            _diag.Error(DiagnosticCodes.FileNotFound, $"no flow file found at '{rootPath}' (looked for {string.Join(", ", FlowFileLocator.FileNames)})", SourceLocation.OfFile(rootPath));
        else
        {
            _rootFile = located;
            _projectRoot = Path.GetFullPath(_options.ProjectRoot ?? Path.GetDirectoryName(located)!);
            _globals = new GlobalNames(_packages.GetValueOrDefault, _env, _projectRoot, _rootFile);
            foreach (var text in _options.ParameterOverrides)
            {
                var po = ParameterOverride.Parse(text);
                if (po is null)
                    _diag.Error(DiagnosticCodes.BadValue, $"parameter override '{text}' must have the form name=value", null);
                else _overrides.Add(po);
            }
            var source = _files.ReadPackage(located, null);
            // Elaborate even after reading errors, so that one run reports as many problems as it can.
            if (source is not null && source.Name.Length > 0)
            {
                root = Instantiate(source, [], null, isRoot: true, requestedFrom: null, byImport: false);
                if (root is not null)
                {
                    GetPackage("std", null); // always available, also to names computed when the graph is built
                    ApplyExtensions();
                    LinkAll();
                    CheckOverridesUsed(root);
                }
            }
        }
        var ordered = new Dictionary<string, FlowPackage>(StringComparer.Ordinal);
        if (root is not null) ordered[root.Name] = root;
        foreach (var p in _packages.Values) ordered.TryAdd(p.Name, p);
        return new FlowModel(root, ordered, _diag.Items, _files.InputFiles, _overrides, _substitutions, _globals);
    }

    /// <summary>Finds or loads a package by name: loaded ones, the built-in std, then the registry.</summary>
    internal FlowPackage? GetPackage(string name, SourceLocation? requestedFrom)
        => _packages.TryGetValue(name, out var p) ? p : LoadInstalled(name, [], null, requestedFrom, byImport: false);

    // Loads an installed package (std or the registry) that is not loaded yet.
    private FlowPackage? LoadInstalled(string name, IReadOnlyList<(ParamDef Def, IExpressionScope Scope)> with, string? config, SourceLocation? requestedFrom, bool byImport)
    {
        string? file = name == "std" ? StdPath : _options.Registry.Resolve(name);
        if (file is null) return null;
        if (file != StdPath) _files.AddInput(file);
        var source = _files.ReadPackage(file, requestedFrom);
        if (source is null) return null;
        if (source.Name != name)
        {
            _diag.Error(DiagnosticCodes.PackageConflict, $"the registry maps package '{name}' to '{file}', which defines package '{source.Name}'", requestedFrom);
            return null;
        }
        return Instantiate(source, with, config, isRoot: false, requestedFrom, byImport);
    }

    /// <summary>True when <paramref name="name"/> is a package that is loaded or can be loaded.</summary>
    internal bool IsPackageName(string name) => _packages.ContainsKey(name) || name == "std" || _options.Registry.Resolve(name) is not null;

    private FlowPackage? Instantiate(PackageSource source, IReadOnlyList<(ParamDef Def, IExpressionScope Scope)> importWith, string? importConfig, bool isRoot, SourceLocation? requestedFrom, bool byImport)
    {
        if (source.Name.Length == 0) return null; // reported by the reader: a package needs a name
        if (_packages.TryGetValue(source.Name, out var existing))
        {
            if (existing.FilePath != source.Package.FilePath)
                _diag.Error(DiagnosticCodes.PackageConflict,
                    $"package '{source.Name}' is defined twice: in '{existing.FilePath}' and in '{source.Package.FilePath}'", requestedFrom ?? source.Package.Location);
            else if (importWith.Count > 0)
                _diag.Warning(DiagnosticCodes.PackageConflict,
                    $"package '{source.Name}' is already loaded; the parameters given with this import are ignored (a package has one instance per flow)", requestedFrom);
            return existing;
        }

        var configs = SelectConfig(source, isRoot ? _options.Config : importConfig, isRoot, requestedFrom);
        var pkg = new FlowPackage(source, configs.Count > 0 ? configs[^1].Name : null);
        _packages[source.Name] = pkg;
        _loading.Add((pkg, byImport));
        try { Elaborate(pkg, importWith, configs, isRoot); }
        finally { _loading.RemoveAt(_loading.Count - 1); }
        return pkg;
    }

    private void Elaborate(FlowPackage pkg, IReadOnlyList<(ParamDef Def, IExpressionScope Scope)> importWith, List<ConfigDef> configs, bool isRoot)
    {

        // Imports are processed after the parameters (their 'with' may use them), or earlier, on demand,
        // when a parameter expression names an imported package's parameter.
        foreach (var c in configs) pkg.ConfigFragments.AddRange(_files.ReadFragments(pkg.FilePath, c.Fragments));
        var imports = new Queue<ImportDef>(pkg.Files.SelectMany(f => f.File.Imports).Concat(configs.SelectMany(c => c.Imports)));
        EvaluateParams(pkg, importWith, configs, isRoot, imports);
        CollectTypes(pkg, configs);
        CollectTasks(pkg, configs);
        CollectImports(pkg, imports, PackageScope(pkg, pkg.ParamValues, null));
        CollectPackageOverrides(pkg, configs);
        if (configs.Any(c => c.Extensions.Count > 0))
            foreach (var c in configs) _pendingExtensions.Add((pkg, c));
    }

    // The packages being elaborated, outermost first, each with whether the one below it imported it (rather than
    // loading it on demand for a qualified name). A chain of imports back to a package still on it is a circular import.
    private readonly List<(FlowPackage Package, bool ByImport)> _loading = new();

    /// <summary>The import chain from <paramref name="imported"/> to the package importing it now, or null when it is no cycle.</summary>
    private List<string>? ImportCycle(FlowPackage imported)
    {
        for (var i = _loading.Count - 1; i >= 0; i--)
        {
            if (_loading[i].Package == imported)
                return [.. _loading.Skip(i).Select(l => l.Package.Name), imported.Name];
            if (!_loading[i].ByImport) return null;
        }
        return null;
    }

    // Step 1 of config selection: find the config and its 'uses' chain, base first.
    private List<ConfigDef> SelectConfig(PackageSource source, string? name, bool isRoot, SourceLocation? requestedFrom)
    {
        var all = source.Package.Configs;
        var chain = new List<ConfigDef>();
        if (name is null)
        {
            var dflt = all.FirstOrDefault(c => c.Name == "default");
            if (dflt is null) return chain;
            name = "default";
        }
        var cfg = all.FirstOrDefault(c => c.Name == name);
        if (cfg is null)
        {
            var names = all.Select(c => c.Name).ToList();
            var list = names.Count == 0 ? "it defines no configs" : $"its configs are: {string.Join(", ", names)}";
            _diag.Error(DiagnosticCodes.UnknownConfig, $"config '{name}' not found in package '{source.Name}'{NameSuggester.Hint(name, names)}; {list}",
                isRoot ? SourceLocation.OfFile(source.Package.FilePath) : requestedFrom);
            return chain;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = cfg; c is not null;)
        {
            if (!seen.Add(c.Name))
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"config '{c.Name}' uses itself: {string.Join(" -> ", chain.Select(x => x.Name).Reverse().Append(c.Name))}", c.Location);
                break;
            }
            chain.Insert(0, c);
            if (c.Uses is null) break;
            var baseCfg = all.FirstOrDefault(x => x.Name == c.Uses.Name);
            if (baseCfg is null)
                _diag.Error(DiagnosticCodes.UnknownConfig, $"config '{c.Name}' uses '{c.Uses.Name}', which is not a config of package '{source.Name}'{NameSuggester.Hint(c.Uses.Name, all.Select(x => x.Name))}", c.Uses.Location);
            c = baseCfg;
        }
        return chain;
    }

    private sealed class ParamSlot(string name, string type, string? doc, SourceLocation location)
    {
        public string Name { get; } = name;
        public string Type { get; set; } = type;
        public string? Doc { get; } = doc;
        public SourceLocation Location { get; } = location;
        public object? Value { get; set; }
    }

    /// <summary>A scope over a package's parameters plus the load-time variables (env, srcdir, rootdir, other packages' params).</summary>
    private IExpressionScope PackageScope(FlowPackage pkg, IReadOnlyDictionary<string, object?> values, Queue<ImportDef>? pendingImports)
        => new LoadScope(this, pkg, values, pendingImports);

    private sealed class LoadScope(FlowElaborator loader, FlowPackage pkg, IReadOnlyDictionary<string, object?> values, Queue<ImportDef>? pendingImports) : IExpressionScope
    {
        public bool TryResolve(string name, out object? value)
        {
            if (values.TryGetValue(name, out value)) return true;
            if (loader.TryResolveGlobal(pkg, name, out value)) return true;
            // A name that may belong to a package imported but not processed yet, or to an installed
            // package nothing loaded yet ('pkg.param' works for any package dfm can find): load and retry.
            var loaded = false;
            if (pendingImports is { Count: > 0 })
            {
                loader.CollectImports(pkg, pendingImports, this);
                loaded = true;
            }
            loaded |= loader.LoadPackageOf(name);
            return loaded && loader.TryResolveGlobal(pkg, name, out value);
        }
    }

    /// <summary>Loads the installed package a dotted name starts with (longest prefix first); true when one was loaded.</summary>
    internal bool LoadPackageOf(string dottedName)
    {
        for (var dot = dottedName.LastIndexOf('.'); dot > 0; dot = dottedName.LastIndexOf('.', dot - 1))
        {
            var prefix = dottedName[..dot];
            if (_packages.ContainsKey(prefix)) return false;
            if (IsPackageName(prefix)) return GetPackage(prefix, null) is not null;
        }
        return false;
    }

    /// <summary>Names every expression can see: env, srcdir, rootdir, root, and qualified package parameters.</summary>
    internal bool TryResolveGlobal(FlowPackage pkg, string name, out object? value)
        => _globals.TryResolve(pkg, pkg.BaseDir, name, out value);

    // Steps 2 and 3: package parameters, then import 'with', config 'with' and overrides, then -D.
    private void EvaluateParams(FlowPackage pkg, IReadOnlyList<(ParamDef Def, IExpressionScope Scope)> importWith, List<ConfigDef> configs, bool isRoot,
        Queue<ImportDef> pendingImports)
    {
        var slots = new List<ParamSlot>();
        var byName = new Dictionary<string, ParamSlot>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var scope = PackageScope(pkg, values, pendingImports);

        foreach (var def in pkg.Source.Package.Params)
        {
            if (byName.ContainsKey(def.Name))
            {
                _diag.Error(DiagnosticCodes.DuplicateName, $"package parameter '{def.Name}' is declared twice", def.Location);
                continue;
            }
            var type = def.Type is not null ? ParamTypes.Canonical(def.Type) ?? "str" : null;
            object? value = null;
            var valueNode = def.IsLongForm ? def.Value : def.Value;
            if (valueNode is not null) _eval.TryEvaluate(valueNode, scope, out value);
            type ??= valueNode is null ? "str" : ParamTypes.Infer(value);
            value = valueNode is null ? ParamTypes.DefaultOf(type) : Coerce(value, type, def.Name, valueNode.Location);
            var slot = new ParamSlot(def.Name, type, def.Doc ?? def.Desc, def.Location) { Value = value };
            slots.Add(slot);
            byName[def.Name] = slot;
            values[def.Name] = value;
        }

        void Apply(ParamDef def, IExpressionScope evalScope, string what)
        {
            if (!byName.TryGetValue(def.Name, out var slot))
            {
                if (def.IsLongForm && def.Type is not null)
                {
                    // A config may declare a new package parameter.
                    slot = new ParamSlot(def.Name, ParamTypes.Canonical(def.Type) ?? "str", def.Doc, def.Location) { Value = ParamTypes.DefaultOf(def.Type) };
                    slots.Add(slot);
                    byName[def.Name] = slot;
                }
                else
                {
                    _diag.Error(DiagnosticCodes.UnknownParameter, $"{what} sets '{def.Name}', which is not a parameter of package '{pkg.Name}'{NameSuggester.Hint(def.Name, byName.Keys)}", def.Location);
                    return;
                }
            }
            var newValue = ParamValueResolver.Resolve(def, slot.Value, slot.Type, evalScope, _eval, out var ok);
            if (!ok) return;
            slot.Value = Coerce(newValue, slot.Type, def.Name, def.Value?.Location ?? def.Location);
            values[def.Name] = slot.Value;
        }

        foreach (var (def, s) in importWith) Apply(def, s, "the import");
        foreach (var cfg in configs)
        {
            foreach (var def in cfg.With) Apply(def, scope, $"config '{cfg.Name}'");
            foreach (var ov in cfg.Overrides)
                if (ov.Replacement is null || byName.ContainsKey(ov.Target.Name))
                {
                    if (ov.Value is null) continue;
                    Apply(new ParamDef(ov.Target.Name, ov.Target.Location, null, ov.Value, null, null, null, null, null, null, false), scope, $"config '{cfg.Name}'");
                }
        }
        // -D: pkg.param applies to that package; a bare name to every package that has the parameter.
        foreach (var o in _overrides)
        {
            var matches = o.IsQualified ? o.Qualifier == pkg.Name && byName.ContainsKey(o.ParamName) : byName.ContainsKey(o.Name);
            if (!matches) continue;
            var slot = byName[o.ParamName];
            if (ParamTypes.TryCoerce(CommandLineValue(o.Value, slot.Type), slot.Type, out var v, out var err))
            {
                slot.Value = v;
                values[slot.Name] = v;
            }
            else _diag.Error(DiagnosticCodes.ParamType, $"-D {o.Name}={o.Value}: {err} for parameter '{slot.Name}' of type {slot.Type}", SourceLocation.OfFile(pkg.FilePath));
        }
        pkg.Params = slots.Select(s => new PackageParam(s.Name, s.Type, s.Value, s.Doc, s.Location)).ToList();
        pkg.ParamValues = new FlowMap(slots.Select(s => new KeyValuePair<string, object?>(s.Name, s.Value)));
    }

    /// <summary>
    /// Converts a command-line string for a parameter of <paramref name="type"/>: a list is a JSON list
    /// (<c>["a", "b c"]</c>) or its items separated by commas, as dfm does, or by white space, which survives a shell and
    /// MSBuild's <c>-p:</c> (which splits at commas) when quoted: <c>-p:D_seeds="5 6"</c>.
    /// </summary>
    internal static object? CommandLineValue(string text, string type) => type switch
    {
        "list" when text.TrimStart().StartsWith('[') => text,
        "list" => text.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToArray(),
        _ => text,
    };

    private object? Coerce(object? value, string type, string name, SourceLocation at)
    {
        if (ParamTypes.TryCoerce(value, type, out var result, out var error)) return result;
        _diag.Error(DiagnosticCodes.ParamType, $"parameter '{name}' is of type {type}: {error}", at);
        return ParamTypes.DefaultOf(type);
    }

    private void CollectTypes(FlowPackage pkg, List<ConfigDef> configs)
    {
        foreach (var f in pkg.Files)
            foreach (var t in f.File.Types)
                AddType(pkg, Prefixed(f.Prefix, t.Name), t, replace: false);
        foreach (var c in configs)
            foreach (var t in c.Types)
                AddType(pkg, t.Name, t with { FragmentFile = pkg.FilePath }, replace: true);
    }

    private void AddType(FlowPackage pkg, string name, TypeDef def, bool replace)
    {
        if (!replace && pkg.TypeTable.TryGetValue(name, out var prev))
        {
            _diag.Error(DiagnosticCodes.DuplicateName, $"type '{name}' is defined twice in package '{pkg.Name}' (first at {prev.Def.Location})", def.Location);
            return;
        }
        pkg.TypeTable[name] = new TypeDecl(pkg, name, def);
    }

    private static string Prefixed(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private void CollectTasks(FlowPackage pkg, List<ConfigDef> configs)
    {
        // Plain tasks of every file first, so that an override may target a task of any fragment; then the
        // overrides in file order; then each config's tasks (base config first), which may override either.
        foreach (var f in pkg.Files)
            foreach (var t in f.File.Tasks)
                if (t.Override is null) AddTask(pkg, f.Prefix, t, fromConfig: null);
        foreach (var f in pkg.Files)
            foreach (var t in f.File.Tasks)
                if (t.Override is not null) AddTask(pkg, f.Prefix, t, fromConfig: null);
        foreach (var c in configs)
            foreach (var t in c.Tasks)
                AddTask(pkg, "", t with { FragmentFile = pkg.FilePath }, fromConfig: c);
    }

    private void AddTask(FlowPackage pkg, string prefix, TaskDef def, ConfigDef? fromConfig)
    {
        var name = Prefixed(prefix, def.Name);
        if (def.Override is { } target)
        {
            var targetName = target.Name.StartsWith(pkg.Name + ".", StringComparison.Ordinal) ? target.Name[(pkg.Name.Length + 1)..] : target.Name;
            if (!pkg.TaskTable.TryGetValue(targetName, out var replaced) && prefix.Length > 0)
                pkg.TaskTable.TryGetValue(targetName = Prefixed(prefix, targetName), out replaced);
            if (replaced is not null)
            {
                var decl = new TaskDecl(pkg, targetName, def, replaced);
                pkg.TaskTable[targetName] = decl;
                var idx = pkg.TaskOrder.IndexOf(replaced);
                if (idx >= 0) pkg.TaskOrder[idx] = decl; else pkg.TaskOrder.Add(decl);
                if (name != targetName)
                {
                    if (pkg.TaskTable.TryGetValue(name, out var clash) && clash != replaced)
                        _diag.Error(DiagnosticCodes.DuplicateName, $"task '{name}' is defined twice in package '{pkg.Name}' (first at {clash.Location})", def.Location);
                    pkg.TaskTable[name] = decl;
                }
                return;
            }
            // A qualified target in another package: substitute it wherever it is used.
            _pendingSubstitutions.Add((pkg, prefix, def, name));
            return;
        }
        if (pkg.TaskTable.TryGetValue(name, out var prev))
        {
            var where = fromConfig is null ? "" : $" (config '{fromConfig.Name}' must use 'override: {name}' to replace it)";
            _diag.Error(DiagnosticCodes.DuplicateName, $"task '{name}' is defined twice in package '{pkg.Name}' (first at {prev.Location}){where}", def.Location);
            return;
        }
        var d = new TaskDecl(pkg, name, def, null);
        pkg.TaskTable[name] = d;
        pkg.TaskOrder.Add(d);
    }

    private readonly List<(FlowPackage Pkg, string Prefix, TaskDef Def, string Name)> _pendingSubstitutions = new();

    private void CollectImports(FlowPackage pkg, Queue<ImportDef> imports, IExpressionScope scope)
    {
        while (imports.TryDequeue(out var imp))
        {
            if (!_eval.TryEvaluateText(imp.Target, imp.Location, false, scope, out var targetValue)) continue;
            var target = FlowValues.ToDisplayString(targetValue);
            var withDefs = imp.With.Select(w => (w, scope)).ToList();
            FlowPackage? imported = null;
            // A name is tried as a package first (loaded, std, registry), then as a path.
            if (!imp.IsPath && (_packages.ContainsKey(target) || target == "std" || _options.Registry.Resolve(target) is not null))
            {
                imported = _packages.TryGetValue(target, out var loaded) ? loaded : null;
                if (imported is null)
                    imported = LoadInstalled(target, withDefs, imp.Config, imp.Location, byImport: true);
                else if (withDefs.Count > 0)
                    _diag.Warning(DiagnosticCodes.PackageConflict, $"package '{target}' is already loaded; the parameters given with this import are ignored (a package has one instance per flow)", imp.Location);
            }
            else
            {
                var file = ResolveImportPath(target, imp.ImportingFile, imp.Location, out var reported);
                if (reported) continue;
                if (file is null)
                {
                    var hint = imp.IsPath ? "" : NameSuggester.Hint(target, _options.Registry.PackageNames.Concat(_packages.Keys));
                    _diag.Error(DiagnosticCodes.ImportNotFound,
                        $"import '{target}' not found: no package of that name is known{hint} (package paths and maps, DV_FLOW_PATH, plugin packages added with PackageReference), and no flow file exists at '{target}' relative to '{Path.GetDirectoryName(imp.ImportingFile)}' or the project root '{_projectRoot}'",
                        imp.Location);
                    continue;
                }
                var src = _files.ReadPackage(file, imp.Location);
                if (src is null) continue;
                imported = Instantiate(src, withDefs, imp.Config, false, imp.Location, byImport: true);
            }
            if (imported is null) continue;
            if (imported == pkg)
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"package '{pkg.Name}' imports itself", imp.Location);
                continue;
            }
            if (ImportCycle(imported) is { } cycle)
            {
                _diag.Error(DiagnosticCodes.CircularDefinition, $"circular import: {string.Join(" -> ", cycle)} (package '{pkg.Name}' imports '{imported.Name}', which is still being loaded because it imports '{cycle[1]}')", imp.Location);
                continue;
            }
            var key = imp.Alias ?? imported.Name;
            if (pkg.AliasTable.TryGetValue(key, out var already) && already != imported.Name)
                _diag.Error(DiagnosticCodes.PackageConflict, $"'{key}' already names package '{already}' in package '{pkg.Name}'", imp.Location);
            else pkg.AliasTable[key] = imported.Name;
            pkg.AliasTable.TryAdd(imported.Name, imported.Name);
        }
    }

    // Null when there is no such file; reported is true when a problem was already reported at the import.
    private string? ResolveImportPath(string target, string importingFile, SourceLocation at, out bool reported)
    {
        reported = false;
        var candidates = Path.IsPathRooted(target)
            ? [target]
            : new[] { Path.Combine(Path.GetDirectoryName(importingFile)!, target), Path.Combine(_projectRoot, target) };
        foreach (var c in candidates)
        {
            var full = FlowFileLocator.FullPathOrNull(c);
            if (full is null) continue; // not a valid path: reported as not found
            if (FlowFileLocator.Locate(full) is { } f) return f;
            if (Directory.Exists(full))
            {
                if (Path.GetPathRoot(full) == full) // FullPathOrNull keeps a root's separator
                {
                    // What a file system root holds is the machine's, not the flow's: its first package is an accident.
                    _diag.Error(DiagnosticCodes.ImportNotFound, $"import '{target}': '{full}' is the root of the file system, which is never searched for packages; name the package's own directory", at);
                    reported = true;
                    return null;
                }
                _files.AddInput(full + Path.DirectorySeparatorChar);
                var below = FlowFileLocator.FindFirstPackage(full);
                if (below.LimitReached)
                {
                    _diag.Error(DiagnosticCodes.LimitExceeded, $"import '{target}': no package in the first {FlowLimits.MaxDirectoriesSearched} directories below '{full}'; name the package's own directory", at);
                    reported = true;
                    return null;
                }
                if (below.Files.Count > 0) return below.Files[0];
            }
            else _files.AddInput(full);
        }
        return null;
    }

    private void CollectPackageOverrides(FlowPackage pkg, List<ConfigDef> configs)
    {
        var all = pkg.Source.Package.Overrides.Concat(configs.SelectMany(c => c.Overrides));
        foreach (var ov in all)
        {
            if (ov.Replacement is null || pkg.ParamValues.ContainsKey(ov.Target.Name)) continue; // parameter overrides were applied with the params
            var replacement = ov.Replacement.Name;
            if (pkg.AliasTable.TryGetValue(replacement, out var realRepl)) replacement = realRepl;
            if (!IsPackageName(replacement) && !pkg.TaskTable.ContainsKey(replacement) && !replacement.Contains('.'))
            {
                _diag.Error(DiagnosticCodes.ImportNotFound, $"override of '{ov.Target.Name}': '{ov.Replacement.Name}' is not an installed or imported package", ov.Replacement.Location);
                continue;
            }
            pkg.PackageOverrideTable[ov.Target.Name] = replacement;
        }
    }

    // Step 4 (late part): extensions modify tasks anywhere in the flow, so they run once the packages are loaded.
    // Resolving a name may load another package, which may queue more of both: index loops pick them up,
    // and LinkAll calls this again for packages it loads.
    private void ApplyExtensions()
    {
        for (; _appliedSubstitutions < _pendingSubstitutions.Count; _appliedSubstitutions++)
        {
            var (pkg, _, def, name) = _pendingSubstitutions[_appliedSubstitutions];
            var resolver = new NameResolver(this, _substitutions, _diag);
            var target = resolver.ResolveTask(def.Override!, pkg, def.FragmentFile, "", forNeeds: false, report: false);
            if (target is null)
            {
                _diag.Error(DiagnosticCodes.UnknownTask, $"task '{def.Override!.Name}' to override not found{NameSuggester.Hint(def.Override.Name, pkg.Tasks.Keys)}", def.Override.Location);
                continue;
            }
            var decl = new TaskDecl(pkg, name, def, target);
            if (!pkg.TaskTable.TryAdd(name, decl))
                _diag.Error(DiagnosticCodes.DuplicateName, $"task '{name}' is defined twice in package '{pkg.Name}'", def.Location);
            else pkg.TaskOrder.Add(decl);
            _substitutions[target.FullName] = decl;
        }
        for (; _appliedExtensions < _pendingExtensions.Count; _appliedExtensions++)
        {
            var (pkg, cfg) = _pendingExtensions[_appliedExtensions];
            var chain = _pendingExtensions.Where(x => x.Package == pkg).Select(x => x.Config).ToList();
            foreach (var ext in cfg.Extensions) ApplyExtension(pkg, cfg, ext, chain, 0);
        }
    }

    private int _appliedSubstitutions;
    private int _appliedExtensions;

    private void ApplyExtension(FlowPackage pkg, ConfigDef cfg, ExtensionDef ext, List<ConfigDef> chain, int depth)
    {
        var resolver = new NameResolver(this, _substitutions, _diag);
        var target = resolver.ResolveTask(ext.Task, pkg, pkg.FilePath, "", forNeeds: false, report: false);
        if (target is null)
        {
            _diag.Error(DiagnosticCodes.UnknownTask, $"config '{cfg.Name}' extends task '{ext.Task.Name}', which was not found", ext.Task.Location);
            return;
        }
        var uses = ext.Uses;
        // 'uses: <config>.<task>' builds on another config's extension of the task: apply that one first
        // unless the selected config chain already did.
        if (uses is not null && ConfigOf(pkg, uses.Name) is { } baseCfg)
        {
            if (!chain.Contains(baseCfg) && depth < 16)
                foreach (var be in baseCfg.Extensions.Where(e => e.Task.Name == ext.Task.Name))
                    ApplyExtension(pkg, baseCfg, be, chain, depth + 1);
            uses = null;
        }
        var def = target.Def;
        target.Def = def with
        {
            With = def.With.Concat(ext.With).ToList(),
            Needs = def.Needs.Concat(ext.Needs.Select(n => n with { Origin = pkg.Name })).ToList(),
            Uses = uses is null ? def.Uses : uses with { Origin = pkg.Name },
        };
    }

    private static ConfigDef? ConfigOf(FlowPackage pkg, string name)
    {
        var dot = name.IndexOf('.');
        if (dot <= 0) return null;
        var head = name[..dot];
        return pkg.Source.Package.Configs.FirstOrDefault(c => c.Name == head);
    }

    /// <summary>
    /// Resolves every task and type reference of every package once, so that unknown names are reported
    /// at load (for all tasks, not just the requested ones) and installed packages referenced without an
    /// import are loaded on demand. Runs until no new package appears.
    /// </summary>
    private void LinkAll()
    {
        var done = new HashSet<FlowPackage>();
        var resolver = new NameResolver(this, _substitutions, _diag);
        while (true)
        {
            ApplyExtensions(); // for packages loaded on demand by the previous round
            var todo = _packages.Values.Where(p => !done.Contains(p)).ToList();
            if (todo.Count == 0) break;
            foreach (var pkg in todo)
            {
                done.Add(pkg);
                foreach (var top in pkg.OrderedTasks)
                {
                    // Replaced tasks still contribute to their overrides through the implicit base.
                    for (var decl = top; decl is not null; decl = decl.Overridden)
                    {
                        var dot = decl.Name.LastIndexOf('.');
                        var prefix = dot > 0 ? decl.Name[..dot] : "";
                        LinkTask(decl.Def, decl.Package, prefix, [], resolver, decl, decl.FullName);
                    }
                }
                foreach (var type in pkg.Types.Values)
                    if (type.Def.Uses is { } u && !u.Name.Contains("${{", StringComparison.Ordinal))
                    {
                        var dot = type.Name.LastIndexOf('.');
                        resolver.ResolveType(u, pkg, report: true, dot > 0 ? type.Name[..dot] : "");
                    }
            }
        }
    }

    private void LinkTask(TaskDef def, FlowPackage pkg, string prefix, IReadOnlyList<HashSet<string>> siblings, NameResolver resolver, TaskDecl? self, string path)
    {
        static bool Dynamic(NameRef n) => n.Name.Contains("${{", StringComparison.Ordinal);
        bool IsSibling(NameRef n) => siblings.Any(s => s.Contains(n.Name));
        foreach (var n in def.Needs.Append(def.Uses))
            if (n is not null && Dynamic(n)) Preload(n, pkg, prefix, resolver);
        PreloadExpressionPackages(def);
        TaskDecl? baseDecl = null;
        if (def.Uses is { } u && !Dynamic(u) && !IsSibling(u))
            baseDecl = resolver.ResolveBase(u, pkg, def.FragmentFile, prefix, self).Task;
        else if (def.Uses is null && self?.Overridden is { } replaced)
            baseDecl = replaced;
        foreach (var n in def.Needs.Concat(def.Feeds))
            if (!Dynamic(n) && !IsSibling(n) && !n.Name.EndsWith(".needs", StringComparison.Ordinal))
                resolver.ResolveTask(n, pkg, def.FragmentFile, prefix, forNeeds: true, report: true, self, path);
        // Subtasks see their siblings, including those a base compound contributes.
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (def.Body is { Count: > 0 } body)
            foreach (var b in body) names.Add(b.Name);
        if (baseDecl is not null && (def.Body is { Count: > 0 } || def.Strategy is not null))
            CollectBodyNames(baseDecl, resolver, names, 0);
        if (def.Body is { Count: > 0 } own)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sub in own)
                if (!seen.Add(sub.Name))
                    _diag.Error(DiagnosticCodes.DuplicateName, $"subtask '{sub.Name}' is defined twice in the body of '{path}'", sub.Location);
            var inner = siblings.Append(names).ToList();
            foreach (var sub in own)
            {
                if (sub.Feeds.Count > 0)
                    _diag.Warning(DiagnosticCodes.BadValue, $"'feeds' of subtask '{path}.{sub.Name}' is ignored: only top-level tasks can feed others", sub.Feeds[0].Location);
                // Subtask nodes are named pkg.top.sub, like the tasks of a named fragment 'top'.
                var subPath = path + "." + sub.Name;
                if (subPath.StartsWith(pkg.Name + ".", StringComparison.Ordinal) && pkg.Tasks.TryGetValue(subPath[(pkg.Name.Length + 1)..], out var clash))
                    _diag.Error(DiagnosticCodes.DuplicateName, $"subtask '{subPath}' has the same name as the task declared at {clash.Location}", sub.Location);
                LinkTask(sub, pkg, prefix, inner, resolver, null, path + "." + sub.Name);
            }
        }
    }

    // A name computed by an expression is checked when the graph is built, but the package it names must
    // be loaded now: evaluate it with the package's parameters (quietly: it may need task parameters).
    private void Preload(NameRef n, FlowPackage pkg, string prefix, NameResolver resolver)
    {
        var quiet = new ValueEvaluator(new DiagnosticBag());
        if (!quiet.TryEvaluateText(n.Name, n.Location, false, PackageScope(pkg, pkg.ParamValues, null), out var v)) return;
        var name = n with { Name = FlowValues.ToDisplayString(v) };
        if (resolver.ResolveTask(name, pkg, pkg.FilePath, prefix, forNeeds: false, report: false) is null)
            resolver.ResolveType(name, pkg, report: false, prefix);
    }

    // Expressions in a task may name any installed package's parameters (pkg.param); the graph builder
    // can only see loaded packages, so load the ones they name now.
    private void PreloadExpressionPackages(TaskDef def)
    {
        foreach (var p in def.With)
            foreach (var n in (YNode?[])[p.Value, p.Append, p.Prepend, p.PathAppend, p.PathPrepend])
                PreloadExpressionPackages(n);
        PreloadExpressionPackages(def.Iff);
        if (def.Run is { } run && def.Shell is not "pytask") PreloadNames(run);
    }

    private void PreloadExpressionPackages(YNode? node)
    {
        switch (node)
        {
            case YScalar { Value: string text }: PreloadNames(text); break;
            case YSequence seq: foreach (var i in seq.Items) PreloadExpressionPackages(i); break;
            case YMapping map: foreach (var e in map.Entries) PreloadExpressionPackages(e.Value); break;
        }
    }

    private void PreloadNames(string text)
    {
        if (!text.Contains("${{", StringComparison.Ordinal)) return;
        if (!_dottedNames.TryGetValue(text, out var names))
        {
            try { names = ExpressionTemplate.Parse(text).ReferencedNames.Where(n => n.Contains('.')).ToArray(); }
            catch (ExpressionException) { names = []; } // reported where the text is evaluated
            _dottedNames[text] = names;
        }
        foreach (var name in names) LoadPackageOf(name);
    }

    private readonly Dictionary<string, string[]> _dottedNames = new(StringComparer.Ordinal);

    // The subtask names a compound inherits through its 'uses' chain.
    private void CollectBodyNames(TaskDecl decl, NameResolver resolver, HashSet<string> into, int depth)
    {
        if (depth > 32) return; // a 'uses' cycle; reported when the graph is built
        foreach (var b in decl.Def.Body ?? []) into.Add(b.Name);
        TaskDecl? next = null;
        if (decl.Def.Uses is { } u && !u.Name.Contains("${{", StringComparison.Ordinal))
        {
            var dot = decl.Name.LastIndexOf('.');
            next = resolver.ResolveTask(u, decl.Package, decl.Def.FragmentFile, dot > 0 ? decl.Name[..dot] : "", forNeeds: false, report: false, self: decl);
            if (next == decl) next = decl.Overridden;
        }
        else if (decl.Def.Uses is null) next = decl.Overridden;
        if (next is not null) CollectBodyNames(next, resolver, into, depth + 1);
    }

    private void CheckOverridesUsed(FlowPackage root)
    {
        foreach (var o in _overrides)
        {
            if (_packages.Values.Any(p => o.IsQualified ? o.Qualifier == p.Name && p.ParamValues.ContainsKey(o.ParamName) : p.ParamValues.ContainsKey(o.Name)))
                continue;
            // Otherwise it must name a task parameter; the graph builder checks those against the tasks it builds.
            if (!o.IsQualified) continue;
            var resolver = new NameResolver(this, _substitutions, _diag);
            // The qualifier is a task, or a subtask path below one (top.sub).
            var found = false;
            for (var q = o.Qualifier; !found && q.Length > 0; q = q.LastIndexOf('.') is var dot and > 0 ? q[..dot] : "")
                found = resolver.ResolveTask(new NameRef(q, SourceLocation.OfFile(root.FilePath)), root, root.FilePath, "", forNeeds: false, report: false) is not null;
            if (!found)
                _diag.Error(DiagnosticCodes.UnknownParameter, $"-D {o.Name}: '{o.Qualifier}' is neither a package nor a task", SourceLocation.OfFile(root.FilePath));
        }
    }
}
