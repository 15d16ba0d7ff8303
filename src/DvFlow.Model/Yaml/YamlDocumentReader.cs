using DvFlow.Model.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DvFlow.Model.Yaml;

/// <summary>
/// Reads one YAML document into an immutable <see cref="YNode"/> tree with source locations.
/// Syntax errors, duplicate keys and non-scalar keys become diagnostics; nothing throws.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>Parses <paramref name="text"/>; returns null (with diagnostics) when it is not usable YAML.</summary>
    public static YNode? Read(string file, string text, DiagnosticBag diagnostics)
    {
        var ctx = new ReadContext(file, text, diagnostics);
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, "the file is empty; expected a 'package:' or 'fragment:' document", SourceLocation.OfFile(file));
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ctx.ReadNode(parser);
            if (root is null) return null;
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var extra))
                diagnostics.Warning(DiagnosticCodes.YamlSyntax, "only the first YAML document in the file is used", ctx.At(extra.Start));
            return root;
        }
        catch (YamlException ex)
        {
            var msg = ex.Message;
            // YamlDotNet prefixes messages with "(Line: a, Col: b, ...): "; the location is reported separately.
            var close = msg.StartsWith('(') ? msg.IndexOf("): ", StringComparison.Ordinal) : -1;
            if (close > 0) msg = msg[(close + 3)..];
            var at = ctx.At(ex.Start);
            // YamlDotNet reports a tab in indentation at the enclosing mapping; point at the tab itself.
            if (msg.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentTab(text) is { } tab)
                at = new SourceLocation(file, tab.Line, tab.Column);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML: {msg}", at);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Some malformed inputs (an unclosed flow mapping, for one) trip YamlDotNet's internal state checks.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, "invalid YAML: the document is not well-formed after this point (an unclosed '{', '[' or quote?)", ctx.LastLocation);
            return null;
        }
    }

    private static (int Line, int Column)? FindIndentTab(string text)
    {
        var line = 1;
        var col = 1;
        var inIndent = true;
        foreach (var c in text)
        {
            if (c == '\n') { line++; col = 1; inIndent = true; continue; }
            if (inIndent && c == '\t') return (line, col);
            if (c != ' ') inIndent = false;
            col++;
        }
        return null;
    }

    private sealed class ReadContext(string file, string text, DiagnosticBag diagnostics)
    {
        private int[]? _lineStarts;

        private readonly Dictionary<string, (YNode Node, long Size, long Chars)> _anchors = new(StringComparer.Ordinal);
        private long _expanded;
        private long _expandedChars;

        /// <summary>The start of the last node read, for errors the parser reports without a position.</summary>
        public SourceLocation LastLocation { get; private set; } = SourceLocation.OfFile(file);

        // A block scalar's text starts on the first non-blank line after its indicator, at that line's indentation.
        public SourceLocation BlockContentStart(SourceLocation indicator)
        {
            _lineStarts ??= LineStarts(text);
            for (var line = indicator.Line + 1; line <= _lineStarts.Length; line++)
            {
                var start = _lineStarts[line - 1];
                var i = start;
                while (i < text.Length && text[i] == ' ') i++;
                if (i < text.Length && text[i] is not ('\n' or '\r')) return new SourceLocation(file, line, i - start + 1);
            }
            return indicator;
        }

        private static int[] LineStarts(string s)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < s.Length; i++)
                if (s[i] == '\n') starts.Add(i + 1);
            return starts.ToArray();
        }

        public SourceLocation At(Mark m) => LastLocation = new(file, (int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

        /// <summary>The document's root, or null when a limit stopped the reading (the diagnostic says which).</summary>
        public YNode? ReadNode(IParser parser)
        {
            try { return ReadNode(parser, 0, out _, out _); }
            catch (LimitReachedException) { return null; }
        }

        // Thrown (and caught in ReadNode above) to stop reading at once: the rest of the document is not scanned,
        // which is what keeps 200,000 nested brackets from taking YamlDotNet's scanner minutes.
        private sealed class LimitReachedException : Exception;

        // Reads one node; size and chars are the nodes and scalar characters it stands for once aliases are expanded.
        private YNode ReadNode(IParser parser, int depth, out long size, out long chars)
        {
            size = 1;
            chars = 0;
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    _expanded += target.Size;
                    _expandedChars += target.Chars;
                    if (_expanded > FlowLimits.MaxAliasExpandedNodes || _expandedChars > FlowLimits.MaxAliasExpandedChars)
                    {
                        var what = _expanded > FlowLimits.MaxAliasExpandedNodes
                            ? $"more than {FlowLimits.MaxAliasExpandedNodes} nodes"
                            : $"more than {FlowLimits.MaxAliasExpandedChars} characters of text";
                        diagnostics.Error(DiagnosticCodes.LimitExceeded, $"YAML aliases expand to {what} at '*{alias.Value.Value}'; the file is not read further", At(alias.Start));
                        throw new LimitReachedException();
                    }
                    size = target.Size;
                    chars = target.Chars;
                    return target.Node;
                }
                diagnostics.Error(DiagnosticCodes.YamlSyntax, $"unknown YAML alias '*{alias.Value.Value}'", At(alias.Start));
                return new YScalar("", true, At(alias.Start));
            }
            if (depth > FlowLimits.MaxYamlDepth && parser.Current is NodeEvent deep)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, $"YAML is nested more than {FlowLimits.MaxYamlDepth} levels deep here; the file is not read further", At(deep.Start));
                throw new LimitReachedException();
            }
            YNode node;
            string? anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                // A tagged scalar (!!str) is kept as text; plain untagged scalars are typed.
                var plain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
                var at = At(scalar.Start);
                node = scalar.Style switch
                {
                    ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => new YScalar(scalar.Value, plain, at, at with { Column = at.Column + 1 }),
                    ScalarStyle.Literal or ScalarStyle.Folded => new YScalar(scalar.Value, plain, at, BlockContentStart(at), isBlock: true),
                    _ => new YScalar(scalar.Value, plain, at),
                };
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                chars = scalar.Value.Length;
            }
            else if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1, out var itemSize, out var itemChars));
                    size += itemSize;
                    chars += itemChars;
                }
                node = new YSequence(items, At(seqStart.Start));
            }
            else
            {
                var mapStart = parser.Consume<MappingStart>();
                anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
                var entries = new List<YEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                List<YEntry>? merged = null;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, depth + 1, out var keySize, out var keyChars);
                    var value = ReadNode(parser, depth + 1, out var valueSize, out var valueChars);
                    size += keySize + valueSize;
                    chars += keyChars + valueChars;
                    if (keyNode is not YScalar key)
                    {
                        diagnostics.Error(DiagnosticCodes.YamlSyntax, $"mapping keys must be plain names, found {keyNode.KindName}", keyNode.Location);
                        continue;
                    }
                    if (key.Text == "<<" && key.IsPlain)
                    {
                        // YAML merge key: a mapping or a list of mappings (earlier ones win) supplies the keys
                        // the mapping does not set itself, wherever the explicit keys appear.
                        merged ??= new List<YEntry>();
                        var sources = value is YSequence ms ? ms.Items : [value];
                        foreach (var src in sources)
                        {
                            if (src is YMapping mm) merged.AddRange(mm.Entries);
                            else diagnostics.Error(DiagnosticCodes.YamlSyntax, $"a merge key '<<' takes a mapping or a list of mappings, found {src.KindName}", src.Location);
                        }
                        continue;
                    }
                    if (!seen.Add(key.Text))
                    {
                        diagnostics.Error(DiagnosticCodes.DuplicateKey, $"duplicate key '{key.Text}'", key.Location);
                        continue;
                    }
                    entries.Add(new YEntry(key, value));
                }
                if (merged is not null)
                    foreach (var m in merged)
                        if (seen.Add(m.Name)) entries.Add(m);
                node = new YMapping(entries, At(mapStart.Start));
            }
            if (anchor is not null) _anchors[anchor] = (node, size, chars);
            return node;
        }
    }
}
