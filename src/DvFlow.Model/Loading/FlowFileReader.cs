using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Values;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Loading;

/// <summary>
/// Turns the YAML tree of one flow file into a <see cref="FlowFileDef"/>, checking the schema of
/// every mapping. Problems become diagnostics; the reader always returns what it could read.
/// </summary>
public sealed class FlowFileReader
{
    private static readonly string[] PackageKeys = ["name", "desc", "doc", "with", "imports", "types", "tasks", "configs", "fragments", "overrides", "uses", "type", "tags", "srcinfo", "version"];
    private static readonly string[] FragmentKeys = ["name", "desc", "doc", "imports", "types", "tasks", "fragments", "tags", "srcinfo"];
    private static readonly string[] TaskKeys = ["name", "root", "export", "local", "override", "uses", "type", "scope", "needs", "feeds", "with", "iff", "consumes", "passthrough", "produces", "rundir", "body", "tasks", "desc", "doc", "shell", "run", "pytask", "uptodate", "strategy", "tags", "cache", "srcinfo"];
    private static readonly string[] TypeKeys = ["name", "uses", "with", "doc", "desc", "tags", "srcinfo"];
    private static readonly string[] ConfigKeys = ["name", "uses", "with", "overrides", "extensions", "tasks", "types", "imports", "fragments", "desc", "doc", "srcinfo"];
    private static readonly string[] ImportKeys = ["name", "path", "from", "as", "config", "with", "srcinfo"];
    private static readonly string[] ExtensionKeys = ["task", "name", "uses", "with", "needs", "srcinfo"];
    private static readonly string[] OverrideKeys = ["override", "with", "value", "name"];
    private static readonly string[] StrategyKeys = ["matrix", "generate", "chain", "body"];
    private static readonly string[] GenerateKeys = ["shell", "run"];

    private readonly DiagnosticBag _diag;
    private readonly string _file;

    private FlowFileReader(string file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diag = diagnostics;
    }

    /// <summary>Reads the file at <paramref name="path"/> (already parsed into <paramref name="root"/>).</summary>
    public static FlowFileDef? Read(string path, YNode root, DiagnosticBag diagnostics)
        => new FlowFileReader(path, diagnostics).ReadDocument(root);

    private FlowFileDef? ReadDocument(YNode root)
    {
        if (root is not YMapping top)
        {
            _diag.Error(DiagnosticCodes.BadDocument, $"a flow file must be a mapping with a 'package:' or 'fragment:' key, found {root.KindName}", root.Location);
            return null;
        }
        var pkg = top.Find("package");
        var frag = top.Find("fragment");
        foreach (var e in top.Entries)
        {
            if (e.Name is not ("package" or "fragment"))
                _diag.Error(DiagnosticCodes.UnknownKey, $"unknown top-level key '{e.Name}'; a flow file holds one 'package:' or 'fragment:'{NameSuggester.Hint(e.Name, ["package", "fragment"])}", e.Key.Location);
        }
        if (pkg is not null && frag is not null)
        {
            _diag.Error(DiagnosticCodes.BadDocument, "a flow file holds either 'package:' or 'fragment:', not both", frag.Key.Location);
            return null;
        }
        var entry = pkg ?? frag;
        if (entry is null)
        {
            if (top.Entries.Count == 0 || _diag.Items.Count == 0)
                _diag.Error(DiagnosticCodes.BadDocument, "expected a 'package:' or 'fragment:' document", top.Location);
            return null;
        }
        var isPackage = pkg is not null;
        if (entry.Value is not YMapping body)
        {
            if (entry.Value is YScalar { Value: null } && !isPackage)
                return new FlowFileDef { FilePath = _file, IsPackage = false, Location = entry.Key.Location };
            _diag.Error(DiagnosticCodes.WrongType, $"'{entry.Name}' must be a mapping, found {entry.Value.KindName}", entry.Value.Location);
            return null;
        }
        var r = new MappingReader(body, isPackage ? "package" : "fragment", isPackage ? PackageKeys : FragmentKeys, _diag);
        var name = isPackage ? r.RequiredString("name", "a package") : r.String("name") ?? "";
        if (isPackage && r.Entry("uses") is { } pkgUses)
            _diag.Warning(DiagnosticCodes.UnknownKey, "package inheritance ('uses' on a package) is not supported; the key is ignored", pkgUses.Key.Location);
        if (isPackage && name.Length > 0) CheckPackageName(name, r.Node("name")!.Location);
        return new FlowFileDef
        {
            FilePath = _file,
            IsPackage = isPackage,
            Name = name,
            Location = entry.Key.Location,
            Desc = r.String("desc"),
            Doc = r.String("doc"),
            Params = isPackage ? ReadParams(r.Node("with"), "package parameters") : [],
            Imports = ReadImports(r),
            Types = ReadTypes(r.Sequence("types")),
            Tasks = ReadTasks(r.Sequence("tasks"), "task"),
            Configs = ReadConfigs(r.Sequence("configs")),
            Fragments = ReadFragments(r),
            Overrides = isPackage ? ReadOverrides(r.Node("overrides")) : [],
        };
    }

    private void CheckPackageName(string name, SourceLocation at)
    {
        foreach (var part in name.Split('.'))
            if (!IsIdentifier(part))
            {
                _diag.Error(DiagnosticCodes.BadValue, $"package name '{name}' must be dot-separated identifiers (letters, digits, '_', '-')", at);
                return;
            }
    }

    /// <summary>Names of tasks, types and packages: letters, digits, '_' and '-', not starting with a digit.</summary>
    internal static bool IsIdentifier(string s)
    {
        if (s.Length == 0 || char.IsAsciiDigit(s[0])) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    private IReadOnlyList<FragmentRef> ReadFragments(MappingReader r)
        => r.StringList("fragments").Select(f => new FragmentRef(f.Value, f.Location, _file)).ToList();

    private IReadOnlyList<ImportDef> ReadImports(MappingReader r)
    {
        var list = new List<ImportDef>();
        foreach (var item in r.Sequence("imports"))
        {
            switch (item)
            {
                case YScalar s when !string.IsNullOrWhiteSpace(s.Text):
                    list.Add(new ImportDef(s.Text, LooksLikePath(s.Text), null, [], s.Location, _file));
                    break;
                case YMapping m:
                    var ir = new MappingReader(m, "import", ImportKeys, _diag);
                    var path = ir.String("path");
                    var name = ir.String("from") ?? ir.String("name");
                    if (path is null && name is null)
                    {
                        _diag.Error(DiagnosticCodes.MissingKey, "an import needs a 'name' or a 'path'", m.Location);
                        continue;
                    }
                    var alias = ir.String("as");
                    if (alias is not null && !alias.Split('.').All(IsIdentifier))
                        _diag.Error(DiagnosticCodes.BadValue, $"import alias '{alias}' is not a valid name", ir.Node("as")!.Location);
                    var target = path ?? name!;
                    list.Add(new ImportDef(target, path is not null || LooksLikePath(target), alias,
                        ReadParams(ir.Node("with"), "import parameters"), m.Location, _file, ir.String("config")));
                    break;
                default:
                    _diag.Error(DiagnosticCodes.WrongType, $"an import must be a path, a package name or a mapping, found {item.KindName}", item.Location);
                    break;
            }
        }
        return list;
    }

    /// <summary>A package name is dotted identifiers; anything with a slash or a file extension is a path.</summary>
    private static bool LooksLikePath(string s)
        => s.Contains('/') || s.Contains('\\') || s.EndsWith(".yaml", StringComparison.Ordinal) || s.EndsWith(".dv", StringComparison.Ordinal)
           || s.EndsWith(".yml", StringComparison.Ordinal) || s == "." || s == "..";

    private IReadOnlyList<TypeDef> ReadTypes(IReadOnlyList<YNode> items)
    {
        var list = new List<TypeDef>();
        foreach (var item in items)
        {
            if (item is not YMapping m)
            {
                _diag.Error(DiagnosticCodes.WrongType, $"a type must be a mapping, found {item.KindName}", item.Location);
                continue;
            }
            var tr = new MappingReader(m, "type", TypeKeys, _diag);
            var name = tr.RequiredString("name", "a type");
            if (name.Length == 0) continue;
            if (!IsIdentifier(name)) _diag.Error(DiagnosticCodes.BadValue, $"type name '{name}' is not a valid name", tr.Node("name")!.Location);
            list.Add(new TypeDef(name, m.Location, Ref(tr, "uses"), ReadParams(tr.Node("with"), $"type '{name}'"), tr.String("doc"), tr.String("desc"), _file));
        }
        return list;
    }

    private NameRef? Ref(MappingReader r, string key)
    {
        var s = r.String(key);
        return string.IsNullOrWhiteSpace(s) ? null : new NameRef(s.Trim(), r.Node(key)!.Location);
    }

    private IReadOnlyList<NameRef> Refs(MappingReader r, string key)
        => r.StringList(key).Where(x => !string.IsNullOrWhiteSpace(x.Value)).Select(x => new NameRef(x.Value.Trim(), x.Location)).ToList();

    private IReadOnlyList<TaskDef> ReadTasks(IReadOnlyList<YNode> items, string what)
    {
        var list = new List<TaskDef>(items.Count);
        foreach (var item in items)
        {
            if (item is not YMapping m)
            {
                _diag.Error(DiagnosticCodes.WrongType, $"a {what} must be a mapping, found {item.KindName}", item.Location);
                continue;
            }
            var t = ReadTask(m, what);
            if (t is not null) list.Add(t);
        }
        return list;
    }

    private TaskDef? ReadTask(YMapping m, string what)
    {
        var r = new MappingReader(m, what, TaskKeys, _diag);
        // name, or one of the inline scope markers, names the task.
        var scope = TaskScope.None;
        string? name = null;
        SourceLocation? nameAt = null;
        foreach (var key in (string[])["name", "root", "export", "local"])
        {
            var v = r.String(key);
            if (v is null) continue;
            if (name is not null)
            {
                _diag.Error(DiagnosticCodes.BadValue, $"a task is named once: '{key}: {v}' conflicts with the name '{name}'", r.Node(key)!.Location);
                continue;
            }
            name = v.Trim();
            nameAt = r.Node(key)!.Location;
            scope |= key switch { "root" => TaskScope.Root, "export" => TaskScope.Export, "local" => TaskScope.Local, _ => TaskScope.None };
        }
        var over = Ref(r, "override");
        if (name is null && over is not null)
        {
            // The marker form "override: x" replaces x and takes its name.
            var dot = over.Name.LastIndexOf('.');
            name = dot >= 0 ? over.Name[(dot + 1)..] : over.Name;
            nameAt = over.Location;
        }
        if (name is null)
        {
            _diag.Error(DiagnosticCodes.MissingKey, $"a {what} needs a 'name' (or 'root:', 'export:', 'local:', 'override:')", m.Location);
            return null;
        }
        if (!IsIdentifier(name))
        {
            _diag.Error(DiagnosticCodes.BadValue, $"task name '{name}' is not a valid name: use letters, digits, '_' and '-', and no dots", nameAt);
            return null;
        }
        scope |= ReadScope(r);

        var uses = Ref(r, "uses");
        var typeAlias = Ref(r, "type");
        if (uses is not null && typeAlias is not null)
            _diag.Error(DiagnosticCodes.BadValue, "'type' is an alias of 'uses'; give only one", typeAlias.Location);
        uses ??= typeAlias;

        var shell = r.String("shell");
        var run = r.String("run");
        var pytask = r.String("pytask");
        var runAt = r.Node("run")?.Location;
        if (pytask is not null)
        {
            if (run is not null)
                _diag.Error(DiagnosticCodes.BadValue, "give either 'pytask' or 'run', not both", r.Node("pytask")!.Location);
            run ??= pytask;
            shell ??= "pytask";
            runAt ??= r.Node("pytask")!.Location;
        }
        if (shell is not null && run is null)
            _diag.Warning(DiagnosticCodes.MissingKey, $"task '{name}' sets 'shell: {shell}' but has no 'run'", r.Node("shell")!.Location);

        IReadOnlyList<TaskDef>? body = null;
        var bodyNode = r.Node("body") ?? r.Node("tasks");
        if (r.Has("body") && r.Has("tasks"))
            _diag.Error(DiagnosticCodes.BadValue, "'tasks' is an alias of 'body'; give only one", r.Entry("tasks")!.Key.Location);
        if (bodyNode is not null)
            body = ReadTasks(r.Sequence(r.Has("body") ? "body" : "tasks"), "subtask");

        var strategy = ReadStrategy(r.Node("strategy"));
        if (strategy is { Body.Count: > 0 })
            body = body is null ? strategy.Body : body.Concat(strategy.Body).ToList();

        if (body is not null && run is not null)
            _diag.Error(DiagnosticCodes.BadValue, $"task '{name}' has both a body of subtasks and a 'run' implementation", runAt);

        return new TaskDef
        {
            Name = name,
            Location = nameAt ?? m.Location,
            FragmentFile = _file,
            Scope = scope,
            Uses = uses,
            Needs = Refs(r, "needs"),
            Feeds = Refs(r, "feeds"),
            With = ReadParams(r.Node("with"), $"task '{name}'"),
            Iff = r.Node("iff"),
            Consumes = ReadFilter(r.Node("consumes"), "consumes", allowUnused: false),
            Passthrough = ReadFilter(r.Node("passthrough"), "passthrough", allowUnused: true),
            Produces = r.Has("produces") ? ReadPatterns(r.Node("produces")!, "produces") : null,
            Rundir = ReadRundir(r),
            Override = over,
            Body = body,
            Desc = r.String("desc"),
            Doc = r.String("doc"),
            Shell = shell,
            Run = run,
            RunLocation = runAt,
            RunNode = r.Node(pytask is not null && !r.Has("run") ? "pytask" : "run"),
            Uptodate = r.Node("uptodate"),
            Strategy = strategy,
            Tags = r.Sequence("tags"),
        };
    }

    private TaskScope ReadScope(MappingReader r)
    {
        var scope = TaskScope.None;
        foreach (var (value, at) in r.StringList("scope"))
        {
            switch (value)
            {
                case "root": scope |= TaskScope.Root; break;
                case "export": scope |= TaskScope.Export; break;
                case "local": scope |= TaskScope.Local; break;
                default:
                    _diag.Error(DiagnosticCodes.BadValue, $"unknown scope '{value}'; expected root, export or local{NameSuggester.Hint(value, ["root", "export", "local"])}", at);
                    break;
            }
        }
        if ((scope & TaskScope.Local) != 0 && (scope & TaskScope.Export) != 0)
            _diag.Error(DiagnosticCodes.BadValue, "a task cannot be both 'local' and 'export'", r.Node("scope")?.Location ?? r.Map.Location);
        return scope;
    }

    private RundirMode? ReadRundir(MappingReader r)
    {
        var v = r.String("rundir");
        switch (v)
        {
            case null: return null;
            case "unique": return RundirMode.Unique;
            case "inherit": return RundirMode.Inherit;
            default:
                _diag.Error(DiagnosticCodes.BadValue, $"'rundir' must be 'unique' or 'inherit', found '{v}'", r.Node("rundir")!.Location);
                return null;
        }
    }

    private DataFilter? ReadFilter(YNode? n, string key, bool allowUnused)
    {
        switch (n)
        {
            case null: return null;
            case YScalar s:
                var text = s.Value is bool b ? (b ? "all" : "none") : s.Text;
                switch (text)
                {
                    case "all": return DataFilter.All with { Location = s.Location };
                    case "none": return DataFilter.None with { Location = s.Location };
                    case "unused" when allowUnused: return DataFilter.Unused with { Location = s.Location };
                }
                var allowed = allowUnused ? new[] { "all", "none", "unused" } : ["all", "none"];
                _diag.Error(DiagnosticCodes.BadValue, $"'{key}' must be {string.Join(", ", allowed)} or a list of patterns, found '{s.Text}'{NameSuggester.Hint(s.Text, allowed)}", s.Location);
                return null;
            default:
                return new DataFilter(DataFilterKind.Patterns, ReadPatterns(n, key), n.Location);
        }
    }

    private IReadOnlyList<DataPattern> ReadPatterns(YNode n, string key)
    {
        var items = n switch
        {
            YSequence seq => seq.Items,
            YMapping => [n],
            YScalar { Value: null } => [],
            _ => null,
        };
        if (items is null)
        {
            _diag.Error(DiagnosticCodes.WrongType, $"'{key}' must be a list of patterns (mappings of field: value), found {n.KindName}", n.Location);
            return [];
        }
        var list = new List<DataPattern>(items.Count);
        foreach (var item in items)
        {
            if (item is not YMapping pm)
            {
                _diag.Error(DiagnosticCodes.WrongType, $"a '{key}' pattern must be a mapping of field: value, found {item.KindName}", item.Location);
                continue;
            }
            list.Add(new DataPattern(pm.Entries.Select(e => new KeyValuePair<string, YNode>(e.Name, e.Value)).ToList(), pm.Location));
        }
        return list;
    }

    private StrategyDef? ReadStrategy(YNode? n)
    {
        if (n is null) return null;
        if (n is not YMapping m)
        {
            _diag.Error(DiagnosticCodes.WrongType, $"'strategy' must be a mapping, found {n.KindName}", n.Location);
            return null;
        }
        var r = new MappingReader(m, "strategy", StrategyKeys, _diag);
        List<KeyValuePair<string, YNode>>? matrix = null;
        if (r.Node("matrix") is { } mn)
        {
            if (mn is YMapping mm)
            {
                matrix = new();
                foreach (var e in mm.Entries)
                {
                    if (!IsIdentifier(e.Name))
                        _diag.Error(DiagnosticCodes.BadStrategy, $"matrix variable '{e.Name}' is not a valid name", e.Key.Location);
                    else if (e.Value is YSequence { Items.Count: > 0 } || (e.Value is YScalar { Value: string text } && text.Contains("${{", StringComparison.Ordinal)))
                        matrix.Add(new(e.Name, e.Value)); // a list, or an expression that yields one when the graph is built
                    else
                        _diag.Error(DiagnosticCodes.BadStrategy, $"matrix variable '{e.Name}' needs a non-empty list of values", e.Value.Location);
                }
            }
            else _diag.Error(DiagnosticCodes.WrongType, $"'matrix' must map variable names to lists of values, found {mn.KindName}", mn.Location);
        }
        GenerateDef? gen = null;
        if (r.Node("generate") is { } gn)
        {
            if (gn is YMapping gm)
            {
                var gr = new MappingReader(gm, "generate", GenerateKeys, _diag);
                var run = gr.RequiredString("run", "'generate'");
                if (run.Length > 0) gen = new GenerateDef(gr.String("shell"), run, gr.Node("run")!.Location);
            }
            else if (gn is YScalar gs && gs.Text.Length > 0)
                gen = new GenerateDef(null, gs.Text, gs.Location);
            else _diag.Error(DiagnosticCodes.WrongType, $"'generate' must be a mapping with 'run', found {gn.KindName}", gn.Location);
        }
        var chain = r.Node("chain") is YScalar { Value: true };
        return new StrategyDef(matrix, gen, chain, ReadTasks(r.Sequence("body"), "subtask"), m.Location);
    }

    /// <summary>Reads a <c>with:</c> mapping into parameter entries.</summary>
    internal IReadOnlyList<ParamDef> ReadParams(YNode? n, string what)
    {
        switch (n)
        {
            case null: return [];
            case YScalar { Value: null }: return [];
            case YMapping m:
                var list = new List<ParamDef>(m.Entries.Count);
                foreach (var e in m.Entries)
                {
                    if (!IsParamName(e.Name))
                    {
                        _diag.Error(DiagnosticCodes.BadValue, $"parameter name '{e.Name}' in {what} is not a valid name", e.Key.Location);
                        continue;
                    }
                    list.Add(ReadParam(e));
                }
                return list;
            default:
                _diag.Error(DiagnosticCodes.WrongType, $"'with' of {what} must be a mapping of parameter: value, found {n.KindName}", n.Location);
                return [];
        }
    }

    private static bool IsParamName(string s)
    {
        // Parameters of other tasks may be set by dotted name (task.param) in overrides.
        foreach (var part in s.Split('.'))
            if (!IsIdentifier(part)) return false;
        return true;
    }

    private ParamDef ReadParam(YEntry e)
    {
        // The long form is a mapping whose keys are all parameter-definition keywords.
        if (e.Value is YMapping m && m.Entries.Count > 0 && m.Entries.All(x => ParamDef.LongFormKeys.Contains(x.Name)))
        {
            var r = new MappingReader(m, $"parameter '{e.Name}'", ParamDef.LongFormKeys, _diag);
            var type = r.String("type");
            if (type is not null && !ParamTypes.IsKnown(type))
                _diag.Error(DiagnosticCodes.BadValue, $"unknown parameter type '{type}'; expected {string.Join(", ", ParamTypes.Names)}{NameSuggester.Hint(type, ParamTypes.Names)}", r.Node("type")!.Location);
            return new ParamDef(e.Name, e.Key.Location, type, r.Node("value"), r.Node("append"), r.Node("prepend"),
                r.Node("path-append"), r.Node("path-prepend"), r.String("doc"), r.String("desc"), IsLongForm: true);
        }
        return new ParamDef(e.Name, e.Key.Location, null, e.Value, null, null, null, null, null, null, IsLongForm: false);
    }

    private IReadOnlyList<ConfigDef> ReadConfigs(IReadOnlyList<YNode> items)
    {
        var list = new List<ConfigDef>();
        foreach (var item in items)
        {
            if (item is not YMapping m)
            {
                _diag.Error(DiagnosticCodes.WrongType, $"a config must be a mapping, found {item.KindName}", item.Location);
                continue;
            }
            var r = new MappingReader(m, "config", ConfigKeys, _diag);
            var name = r.RequiredString("name", "a config");
            if (name.Length == 0) continue;
            list.Add(new ConfigDef
            {
                Name = name,
                Location = r.Node("name")!.Location,
                Uses = Ref(r, "uses"),
                With = ReadParams(r.Node("with"), $"config '{name}'"),
                Overrides = ReadOverrides(r.Node("overrides")),
                Extensions = ReadExtensions(r.Sequence("extensions")),
                Tasks = ReadTasks(r.Sequence("tasks"), "task"),
                Types = ReadTypes(r.Sequence("types")),
                Imports = ReadImports(r),
                Fragments = ReadFragments(r),
                Desc = r.String("desc"),
            });
        }
        return list;
    }

    private IReadOnlyList<PackageOverrideDef> ReadOverrides(YNode? n)
    {
        var list = new List<PackageOverrideDef>();
        switch (n)
        {
            case null or YScalar { Value: null }:
                break;
            case YMapping map: // dfm's package form: { hdlsim: hdlsim.xcelium }
                foreach (var e in map.Entries)
                {
                    if (e.Value is YScalar s)
                        list.Add(new PackageOverrideDef(new NameRef(e.Name, e.Key.Location), new NameRef(s.Text, s.Location), s, e.Key.Location));
                    else
                        _diag.Error(DiagnosticCodes.WrongType, $"override of '{e.Name}' must be a package name or a value, found {e.Value.KindName}", e.Value.Location);
                }
                break;
            case YSequence seq: // the config form: - override: hdlsim \n with: hdlsim.xcelium
                foreach (var item in seq.Items)
                {
                    if (item is not YMapping m)
                    {
                        _diag.Error(DiagnosticCodes.WrongType, $"an override must be a mapping with 'override' and 'with', found {item.KindName}", item.Location);
                        continue;
                    }
                    var r = new MappingReader(m, "override", OverrideKeys, _diag);
                    var target = Ref(r, "override") ?? Ref(r, "name");
                    if (target is null)
                    {
                        _diag.Error(DiagnosticCodes.MissingKey, "an override needs 'override: <package or parameter>'", m.Location);
                        continue;
                    }
                    var with = r.Node("with");
                    var value = r.Node("value");
                    if (with is null && value is null)
                    {
                        _diag.Error(DiagnosticCodes.MissingKey, $"the override of '{target.Name}' needs 'with: <package>' or 'value: <value>'", m.Location);
                        continue;
                    }
                    var replacement = with is YScalar ws ? new NameRef(ws.Text, ws.Location) : null;
                    list.Add(new PackageOverrideDef(target, replacement, value ?? with, m.Location));
                }
                break;
            default:
                _diag.Error(DiagnosticCodes.WrongType, $"'overrides' must be a list or a mapping, found {n.KindName}", n.Location);
                break;
        }
        return list;
    }

    private IReadOnlyList<ExtensionDef> ReadExtensions(IReadOnlyList<YNode> items)
    {
        var list = new List<ExtensionDef>();
        foreach (var item in items)
        {
            if (item is not YMapping m)
            {
                _diag.Error(DiagnosticCodes.WrongType, $"an extension must be a mapping, found {item.KindName}", item.Location);
                continue;
            }
            var r = new MappingReader(m, "extension", ExtensionKeys, _diag);
            var task = Ref(r, "task") ?? Ref(r, "name");
            if (task is null)
            {
                _diag.Error(DiagnosticCodes.MissingKey, "an extension needs 'task: <task to extend>'", m.Location);
                continue;
            }
            list.Add(new ExtensionDef(task, Ref(r, "uses"), ReadParams(r.Node("with"), $"extension of '{task.Name}'"), Refs(r, "needs"), m.Location));
        }
        return list;
    }
}
