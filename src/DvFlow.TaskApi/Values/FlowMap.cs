using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace DvFlow.TaskApi;

/// <summary>
/// An immutable string-keyed map that keeps insertion order, used for map values in flows and expressions.
/// </summary>
/// <remarks>
/// When the same key is given more than once the last value wins but the key keeps its first position
/// (like a Python dict). Keys are compared ordinally.
/// </remarks>
public sealed class FlowMap : IReadOnlyDictionary<string, object?>
{
    private const int IndexThreshold = 8;

    private readonly KeyValuePair<string, object?>[] _entries;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Creates a map from <paramref name="entries"/>, in order.</summary>
    /// <param name="entries">The key/value pairs; a repeated key overwrites the earlier value in place.</param>
    public FlowMap(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Sized up front when the count is known (maps read from JSON or the plan), so the entries are not copied again.
        var buffer = entries is IReadOnlyCollection<KeyValuePair<string, object?>> known
            ? new KeyValuePair<string, object?>[known.Count]
            : new KeyValuePair<string, object?>[4];
        int count = 0;
        Dictionary<string, int>? index = null;
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            int existing = Find(buffer, count, index, entry.Key);
            if (existing >= 0)
            {
                buffer[existing] = entry;
                continue;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(4, count * 2));
            }

            buffer[count++] = entry;
            if (index is not null)
            {
                index[entry.Key] = count - 1;
            }
            else if (count > IndexThreshold)
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < count; i++)
                {
                    index[buffer[i].Key] = i;
                }
            }
        }

        if (count != buffer.Length)
        {
            Array.Resize(ref buffer, count);
        }

        _entries = buffer;
        _index = index;
    }

    /// <summary>An empty map.</summary>
    public static FlowMap Empty { get; } = new FlowMap(Array.Empty<KeyValuePair<string, object?>>());

    /// <inheritdoc/>
    public int Count => _entries.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    /// <inheritdoc/>
    public object? this[string key] => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    /// <summary>Creates a map from the pairs of <paramref name="entries"/>.</summary>
    /// <param name="entries">Key/value pairs in order.</param>
    /// <returns>The new map.</returns>
    public static FlowMap Of(params (string Key, object? Value)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new FlowMap(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value)));
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        int i = IndexOf(key);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Renders the map as compact JSON (see <see cref="FlowValues.ToJson"/>).</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => FlowValues.ToJson(this);

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        var entries = _entries;
        for (int i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Find(KeyValuePair<string, object?>[] entries, int count, Dictionary<string, int>? index, string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out int i) ? i : -1;
        }

        for (int i = 0; i < count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
