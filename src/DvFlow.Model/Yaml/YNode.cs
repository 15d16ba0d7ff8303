using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Yaml;

/// <summary>
/// An immutable YAML node that remembers where it came from. The loader keeps these instead of
/// YamlDotNet's mutable representation model so that every later error can point at the source.
/// </summary>
public abstract class YNode
{
    private protected YNode(SourceLocation location) => Location = location;

    /// <summary>Where the node starts in its file.</summary>
    public SourceLocation Location { get; }

    /// <summary>A short name for the node's kind, for error messages ("a string", "a list", "a mapping").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar. <see cref="Value"/> is typed the way PyYAML types plain scalars, so flows behave as under dfm.</summary>
public sealed class YScalar : YNode
{
    /// <summary>Creates a scalar.</summary>
    /// <param name="text">The scalar's text.</param>
    /// <param name="isPlain">True for an unquoted, untagged scalar (typed like PyYAML).</param>
    /// <param name="location">Where the scalar starts (its quote or block indicator, if any).</param>
    /// <param name="contentStart">Where the first character of <paramref name="text"/> is in the file; defaults to <paramref name="location"/>.</param>
    /// <param name="isBlock">True for a literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar.</param>
    public YScalar(string text, bool isPlain, SourceLocation location, SourceLocation? contentStart = null, bool isBlock = false) : base(location)
    {
        Text = text;
        IsPlain = isPlain;
        Value = isPlain ? YamlScalarTyping.Resolve(text) : text;
        ContentStart = contentStart ?? location;
        IsBlock = isBlock;
    }

    /// <summary>Where the first character of <see cref="Text"/> is in the file.</summary>
    public SourceLocation ContentStart { get; }

    /// <summary>True for a literal or folded block scalar (its lines keep the block's indentation).</summary>
    public bool IsBlock { get; }

    /// <summary>
    /// The file position of the character at <paramref name="offset"/> in <see cref="Text"/>: exact for
    /// single-line scalars and literal blocks, approximate where YAML folded lines together.
    /// </summary>
    public SourceLocation LocationAt(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var before = Text.AsSpan(0, offset);
        var newlines = before.Count('\n');
        if (newlines == 0) return ContentStart with { Column = ContentStart.Column + offset };
        var column = offset - before.LastIndexOf('\n');
        // Block lines are indented like the first one; continuation lines of flow scalars are not tracked.
        return ContentStart with { Line = ContentStart.Line + newlines, Column = IsBlock ? ContentStart.Column + column - 1 : column };
    }

    /// <summary>The scalar's text as written (after YAML unescaping).</summary>
    public string Text { get; }

    /// <summary>True for an unquoted scalar; only those are typed as bool, number or null.</summary>
    public bool IsPlain { get; }

    /// <summary>null, string, long, double or bool.</summary>
    public object? Value { get; }

    /// <inheritdoc />
    public override string KindName => Value switch
    {
        null => "null",
        bool => "a boolean",
        long or double => "a number",
        _ => "a string",
    };
}

/// <summary>A YAML sequence.</summary>
public sealed class YSequence : YNode
{
    /// <summary>Creates a sequence.</summary>
    public YSequence(IReadOnlyList<YNode> items, SourceLocation location) : base(location) => Items = items;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<YNode> Items { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>One key/value pair of a mapping; keys are scalars.</summary>
public sealed record YEntry(YScalar Key, YNode Value)
{
    /// <summary>The key text.</summary>
    public string Name => Key.Text;
}

/// <summary>A YAML mapping with its entries in source order.</summary>
public sealed class YMapping : YNode
{
    /// <summary>Creates a mapping.</summary>
    public YMapping(IReadOnlyList<YEntry> entries, SourceLocation location) : base(location) => Entries = entries;

    /// <summary>The entries in source order.</summary>
    public IReadOnlyList<YEntry> Entries { get; }

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>Finds an entry by key.</summary>
    public YEntry? Find(string key)
    {
        foreach (var e in Entries)
            if (e.Key.Text == key) return e;
        return null;
    }
}
