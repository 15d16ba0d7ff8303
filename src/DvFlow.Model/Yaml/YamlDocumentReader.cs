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
        var ctx = new ReadContext(file, diagnostics);
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
            diagnostics.Error(DiagnosticCodes.YamlSyntax, $"invalid YAML: {msg}", ctx.At(ex.Start));
            return null;
        }
    }

    private sealed class ReadContext(string file, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);

        public SourceLocation At(Mark m) => new(file, (int)Math.Max(1, m.Line), (int)Math.Max(1, m.Column));

        public YNode ReadNode(IParser parser)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var target)) return target;
                diagnostics.Error(DiagnosticCodes.YamlSyntax, $"unknown YAML alias '*{alias.Value.Value}'", At(alias.Start));
                return new YScalar("", true, At(alias.Start));
            }
            YNode node;
            string? anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                // A tagged scalar (!!str) is kept as text; plain untagged scalars are typed.
                var plain = scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;
                node = new YScalar(scalar.Value, plain, At(scalar.Start));
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            }
            else if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                anchor = seqStart.Anchor.IsEmpty ? null : seqStart.Anchor.Value;
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    items.Add(ReadNode(parser));
                node = new YSequence(items, At(seqStart.Start));
            }
            else
            {
                var mapStart = parser.Consume<MappingStart>();
                anchor = mapStart.Anchor.IsEmpty ? null : mapStart.Anchor.Value;
                var entries = new List<YEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser);
                    var value = ReadNode(parser);
                    if (keyNode is not YScalar key)
                    {
                        diagnostics.Error(DiagnosticCodes.YamlSyntax, $"mapping keys must be plain names, found {keyNode.KindName}", keyNode.Location);
                        continue;
                    }
                    if (key.Text == "<<" && value is YMapping merged)
                    {
                        // YAML merge key: entries not already present are taken from the merged mapping.
                        foreach (var m in merged.Entries)
                            if (seen.Add(m.Name)) entries.Add(m);
                        continue;
                    }
                    if (!seen.Add(key.Text))
                    {
                        diagnostics.Error(DiagnosticCodes.DuplicateKey, $"duplicate key '{key.Text}'", key.Location);
                        continue;
                    }
                    entries.Add(new YEntry(key, value));
                }
                node = new YMapping(entries, At(mapStart.Start));
            }
            if (anchor is not null) _anchors[anchor] = node;
            return node;
        }
    }
}
