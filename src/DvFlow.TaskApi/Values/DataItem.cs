
namespace DvFlow.TaskApi;

/// <summary>
/// A data item flowing between tasks: its fully qualified <see cref="Type"/> (<c>std.FileSet</c>,
/// <c>hdlsim.SimElabArgs</c>, ...), the task that produced it (<see cref="Src"/>, <see cref="Seq"/>) and
/// its fields. Serialised flat, as dfm does: <c>{"type": ..., "src": ..., "seq": ..., field: value, ...}</c>.
/// </summary>
public sealed class DataItem
{
    /// <summary>The names that are not fields: they identify the item.</summary>
    public static readonly IReadOnlySet<string> HeaderKeys = new HashSet<string>(StringComparer.Ordinal) { "type", "src", "seq" };

    /// <summary>Creates an item.</summary>
    public DataItem(string type, string? src, int seq, FlowMap fields)
    {
        Type = type;
        Src = src;
        Seq = seq;
        Fields = fields;
    }

    /// <summary>The fully qualified type name.</summary>
    public string Type { get; }

    /// <summary>The name of the task that produced the item.</summary>
    public string? Src { get; }

    /// <summary>The item's index in its producer's own outputs.</summary>
    public int Seq { get; }

    /// <summary>The fields (for a FileSet: filetype, basedir, files, incdirs, defines, attributes, ...).</summary>
    public FlowMap Fields { get; }

    /// <summary>A field, or <c>type</c>/<c>src</c>/<c>seq</c>; false when absent.</summary>
    public bool TryGet(string key, out object? value)
    {
        switch (key)
        {
            case "type": value = Type; return true;
            case "src": value = Src; return Src is not null;
            case "seq": value = (long)Seq; return true;
        }
        return Fields.TryGetValue(key, out value);
    }

    /// <summary>A string field, or "" when absent.</summary>
    public string GetString(string key) => TryGet(key, out var v) && v is not null ? FlowValues.ToDisplayString(v) : "";

    /// <summary>A list field as strings, or empty when absent.</summary>
    public IReadOnlyList<string> GetStrings(string key) => TryGet(key, out var v) && v is IReadOnlyList<object?> l
        ? l.Select(x => FlowValues.ToDisplayString(x)).ToList()
        : v is string s && s.Length > 0 ? [s] : [];

    /// <summary>The same item restamped as produced by <paramref name="src"/> at <paramref name="seq"/>.</summary>
    public DataItem WithSource(string src, int seq) => new(Type, src, seq, Fields);

    /// <summary>The flat map form: type, src, seq, then the fields.</summary>
    public FlowMap ToMap()
    {
        var entries = new List<KeyValuePair<string, object?>>(Fields.Count + 3) { new("type", Type) };
        if (Src is not null) entries.Add(new("src", Src));
        entries.Add(new("seq", (long)Seq));
        entries.AddRange(Fields.Where(f => !HeaderKeys.Contains(f.Key)));
        return new FlowMap(entries);
    }

    /// <summary>Reads the flat map form; null when it has no non-empty <c>type</c>.</summary>
    public static DataItem? FromMap(IReadOnlyDictionary<string, object?> map)
    {
        if (!map.TryGetValue("type", out var t) || t is not string type || type.Length == 0) return null;
        var src = map.TryGetValue("src", out var s) ? s as string : null;
        var seq = map.TryGetValue("seq", out var q) && q is long l ? (int)l : -1;
        return new DataItem(type, src, seq, new FlowMap(map.Where(kv => !HeaderKeys.Contains(kv.Key))));
    }

    /// <inheritdoc />
    public override string ToString() => FlowValues.ToJson(ToMap());
}
