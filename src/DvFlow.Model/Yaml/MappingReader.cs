using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Yaml;

/// <summary>
/// Reads the keys of one YAML mapping against a fixed schema: reports keys the schema does not know
/// (with a did-you-mean hint) and values of the wrong kind, and never throws.
/// </summary>
public sealed class MappingReader
{
    private readonly YMapping _map;
    private readonly DiagnosticBag _diag;

    /// <summary>Checks every key of <paramref name="map"/> against <paramref name="allowedKeys"/>.</summary>
    public MappingReader(YMapping map, string what, IReadOnlyCollection<string> allowedKeys, DiagnosticBag diagnostics)
    {
        _map = map;
        _diag = diagnostics;
        foreach (var e in map.Entries)
        {
            if (!allowedKeys.Contains(e.Name))
                diagnostics.Error(DiagnosticCodes.UnknownKey,
                    $"unknown key '{e.Name}' in {what}{NameSuggester.Hint(e.Name, allowedKeys)}", e.Key.Location);
        }
    }

    /// <summary>The mapping being read.</summary>
    public YMapping Map => _map;

    /// <summary>True when the key is present.</summary>
    public bool Has(string key) => _map.Find(key) is not null;

    /// <summary>The raw node of a key, or null.</summary>
    public YNode? Node(string key) => _map.Find(key)?.Value;

    /// <summary>The entry of a key, or null.</summary>
    public YEntry? Entry(string key) => _map.Find(key);

    /// <summary>A scalar read as text (numbers and booleans are accepted and rendered as written).</summary>
    public string? String(string key)
    {
        var n = Node(key);
        switch (n)
        {
            case null: return null;
            case YScalar s when s.Value is null && s.IsPlain: return null;
            case YScalar s: return s.Text;
            default:
                _diag.Error(DiagnosticCodes.WrongType, $"'{key}' must be a string, found {n.KindName}", n.Location);
                return null;
        }
    }

    /// <summary>A required string; reports a missing key at the mapping.</summary>
    public string RequiredString(string key, string what)
    {
        var s = String(key);
        if (string.IsNullOrEmpty(s))
        {
            if (!Has(key))
                _diag.Error(DiagnosticCodes.MissingKey, $"{what} needs a '{key}'", _map.Location);
            else if (Node(key) is YScalar)
                _diag.Error(DiagnosticCodes.BadValue, $"'{key}' of {what} must not be empty", Node(key)!.Location);
            return "";
        }
        return s;
    }

    /// <summary>A list of strings; a single scalar is accepted as a one-element list.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> StringList(string key)
    {
        var n = Node(key);
        return n is null ? [] : ReadStringList(n, key, _diag);
    }

    /// <summary>A sequence of mappings (tasks, types, imports ...); reports other kinds.</summary>
    public IReadOnlyList<YNode> Sequence(string key)
    {
        var n = Node(key);
        switch (n)
        {
            case null: return [];
            case YScalar { Value: null, IsPlain: true }: return [];
            case YSequence seq: return seq.Items;
            default:
                _diag.Error(DiagnosticCodes.WrongType, $"'{key}' must be a list, found {n.KindName}", n.Location);
                return [];
        }
    }

    /// <summary>Reads a list of strings from any node: a scalar or a list of scalars.</summary>
    public static IReadOnlyList<(string Value, SourceLocation Location)> ReadStringList(YNode n, string key, DiagnosticBag diag)
    {
        switch (n)
        {
            case YScalar { Value: null, IsPlain: true }: return [];
            case YScalar s: return [(s.Text, s.Location)];
            case YSequence seq:
                var list = new List<(string, SourceLocation)>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    if (item is YScalar si) list.Add((si.Text, si.Location));
                    else diag.Error(DiagnosticCodes.WrongType, $"entries of '{key}' must be strings, found {item.KindName}", item.Location);
                }
                return list;
            default:
                diag.Error(DiagnosticCodes.WrongType, $"'{key}' must be a string or a list of strings, found {n.KindName}", n.Location);
                return [];
        }
    }
}
