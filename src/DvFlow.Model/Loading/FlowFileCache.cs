using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;
using DvFlow.Model.Yaml;

namespace DvFlow.Model.Loading;

/// <summary>
/// Reads flow files and the packages they form (package file + fragments), once each per load.
/// Also records every file and directory consulted, so the SDK knows when to regenerate.
/// </summary>
public sealed class FlowFileCache
{
    private readonly DiagnosticBag _diag;
    private readonly Dictionary<string, FlowFileDef?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PackageSource?> _packages = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _inputs = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _embedded;
    private long _bytesRead;

    /// <summary>Creates a cache reporting into <paramref name="diagnostics"/>; <paramref name="embeddedText"/> serves built-in packages.</summary>
    public FlowFileCache(DiagnosticBag diagnostics, Func<string, string?> embeddedText)
    {
        _diag = diagnostics;
        _embedded = embeddedText;
    }

    /// <summary>Every file read (and every directory searched for fragments), sorted.</summary>
    public IReadOnlyCollection<string> InputFiles => _inputs;

    /// <summary>Reads and checks one flow file; null when it is missing or unusable (diagnostics say why).</summary>
    public FlowFileDef? ReadFile(string path, SourceLocation? referencedFrom)
    {
        if (_files.TryGetValue(path, out var cached)) return cached;
        string? text = _embedded(path);
        if (text is null)
        {
            _inputs.Add(path);
            var read = FlowFileText.Read(path, FlowLimits.MaxTotalFlowBytes - _bytesRead);
            if (read.Text is null)
            {
                _diag.Error(read.Code!, $"cannot read flow file '{path}': {read.Problem}", referencedFrom ?? SourceLocation.OfFile(path));
                _files[path] = null;
                return null;
            }
            text = read.Text;
            _bytesRead += read.Bytes;
        }
        var root = YamlDocumentReader.Read(path, text, _diag);
        var def = root is null ? null : FlowFileReader.Read(path, root, _diag);
        _files[path] = def;
        return def;
    }

    /// <summary>Reads a package file and, recursively, its fragments.</summary>
    public PackageSource? ReadPackage(string path, SourceLocation? referencedFrom)
    {
        if (_packages.TryGetValue(path, out var cached)) return cached;
        _packages[path] = null; // guards against a package that lists itself as a fragment
        var def = ReadFile(path, referencedFrom);
        PackageSource? result = null;
        if (def is not null)
        {
            if (!def.IsPackage)
                _diag.Error(DiagnosticCodes.BadDocument, $"'{path}' is a fragment, but a package was expected here", referencedFrom ?? def.Location);
            else
            {
                var fragments = new List<FragmentSource>();
                var stack = new List<string> { path };
                CollectFragments(def, "", fragments, stack);
                CheckFragmentNames(fragments);
                result = new PackageSource(def, fragments);
            }
        }
        _packages[path] = result;
        return result;
    }

    // Two named fragments with one name would merge their namespaces by accident; dfm rejects that too.
    private void CheckFragmentNames(List<FragmentSource> fragments)
    {
        var first = new Dictionary<string, FragmentSource>(StringComparer.Ordinal);
        foreach (var f in fragments)
        {
            if (f.File.Name.Length == 0) continue;
            if (first.TryGetValue(f.Prefix, out var prev))
                _diag.Error(DiagnosticCodes.DuplicateName, $"fragment name '{f.Prefix}' is used twice (first in {prev.File.FilePath})", f.File.Location);
            else first[f.Prefix] = f;
        }
    }

    /// <summary>
    /// Reads extra fragments listed somewhere other than a fragment list of the package's files (a config's
    /// <c>fragments:</c>), relative to <paramref name="ownerFile"/>, with their nested fragments.
    /// </summary>
    public IReadOnlyList<FragmentSource> ReadFragments(string ownerFile, IReadOnlyList<FragmentRef> fragments)
    {
        var result = new List<FragmentSource>();
        CollectFragments(ownerFile, fragments, "", result, [ownerFile]);
        return result;
    }

    private void CollectFragments(FlowFileDef owner, string prefix, List<FragmentSource> into, List<string> stack)
        => CollectFragments(owner.FilePath, owner.Fragments, prefix, into, stack);

    private void CollectFragments(string ownerFile, IReadOnlyList<FragmentRef> fragments, string prefix, List<FragmentSource> into, List<string> stack)
    {
        var dir = Path.GetDirectoryName(ownerFile)!;
        foreach (var fref in fragments)
        {
            var full = FlowFileLocator.FullPathOrNull(Path.Combine(dir, fref.Path));
            if (full is null)
            {
                _diag.Error(DiagnosticCodes.FragmentNotFound, $"fragment '{fref.Path}' is not a valid path", fref.Location);
                continue;
            }
            IReadOnlyList<string> files;
            if (File.Exists(full)) files = [full];
            else if (Directory.Exists(full))
            {
                var search = FlowFileLocator.FindAll(full);
                foreach (var searchedDir in search.Searched) _inputs.Add(searchedDir + Path.DirectorySeparatorChar);
                files = search.Files;
                if (search.LimitReached)
                {
                    _diag.Error(DiagnosticCodes.LimitExceeded, $"fragment directory '{fref.Path}' has more than {FlowLimits.MaxDirectoriesSearched} directories below it; name a smaller directory", fref.Location);
                    continue;
                }
                if (files.Count == 0)
                    _diag.Warning(DiagnosticCodes.FragmentNotFound, $"fragment directory '{fref.Path}' holds no flow files", fref.Location);
            }
            else
            {
                _inputs.Add(full);
                _diag.Error(DiagnosticCodes.FragmentNotFound, $"fragment '{fref.Path}' not found (looked for {full})", fref.Location);
                continue;
            }
            foreach (var file in files)
            {
                if (stack.Contains(file))
                {
                    _diag.Error(DiagnosticCodes.CircularDefinition, $"fragment '{fref.Path}' includes itself: {string.Join(" -> ", stack.Append(file).Select(Path.GetFileName))}", fref.Location);
                    continue;
                }
                var def = ReadFile(file, fref.Location);
                if (def is null) continue;
                if (def.IsPackage)
                {
                    _diag.Error(DiagnosticCodes.BadDocument, $"'{file}' is a package, but fragment files must start with 'fragment:'", fref.Location);
                    continue;
                }
                var fprefix = def.Name.Length == 0 ? prefix : prefix.Length == 0 ? def.Name : prefix + "." + def.Name;
                into.Add(new FragmentSource(def, fprefix));
                stack.Add(file);
                CollectFragments(def, fprefix, into, stack);
                stack.RemoveAt(stack.Count - 1);
            }
        }
    }

    /// <summary>Records a file the load depended on without reading it (for example a registry map).</summary>
    public void AddInput(string path) => _inputs.Add(path);
}
