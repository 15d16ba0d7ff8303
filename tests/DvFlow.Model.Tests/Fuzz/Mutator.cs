namespace DvFlow.Model.Tests.Fuzz;

/// <summary>Text mutations that imitate editing mistakes in YAML flow files.</summary>
internal static class Mutator
{
    private static readonly string[] Keys = ["name", "uses", "needs", "with", "body", "tasks", "run", "iff", "type", "value", "consumes", "passthrough",
        "rundir", "strategy", "matrix", "override", "export", "root", "local", "scope", "feeds", "produces", "imports", "fragments", "configs", "package", "fragment", "bogus"];

    private static readonly string[] Values = ["", "~", "42", "-1", "true", "no", "[]", "{}", "[a, b]", "{x: 1}", "\"${{ width }}\"", "${{ nope }}", "${{ 1 +", "${{ width / 0 }}",
        "inherit", "unique", "all", "none", "unused", "soc.build", "build", "std.FileSet", "hdlsim.vlt.SimImage", "SocOpts", "&a x", "*a", "'quoted'", "|", ">", "0x1F", "1e999"];

    private static readonly string[] Inserts = [":", "-", "- ", "{", "}", "[", "]", "${{", "}}", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "`", "\t", "\n", "  ", ": ", ",", "?", "<<: ", "\u00e9", "\0"];

    public static string Mutate(string text, Random rng, out string what)
    {
        var lines = text.Split('\n').ToList();
        int Line() => rng.Next(lines.Count);
        switch (rng.Next(16))
        {
            case 12:
            {
                // Random bytes, control characters and invalid UTF-16 included.
                var at = rng.Next(text.Length + 1);
                var junk = new string(Enumerable.Range(0, rng.Next(1, 16)).Select(_ => (char)rng.Next(0, 256)).ToArray());
                what = $"insert {junk.Length} random characters at {at}";
                return text.Insert(at, junk);
            }
            case 13:
            {
                // A value nested in brackets, sometimes past the YAML depth limit.
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(": ")).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var depth = rng.Next(10) < 7 ? rng.Next(1, 40) : rng.Next(200, 2000);
                var colon = s.IndexOf(": ", StringComparison.Ordinal) + 2;
                what = $"nest the value on line {i + 1} in {depth} brackets";
                lines[i] = s[..colon] + new string('[', depth) + s[colon..] + new string(']', rng.Next(2) == 0 ? depth : rng.Next(depth));
                break;
            }
            case 14:
            {
                // Anchors and aliases: a value reused elsewhere, an alias to nothing, or a small alias bomb.
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(": ")).ToList();
                if (candidates.Count < 2) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var (t, j) = candidates[rng.Next(candidates.Count)];
                var si = s.IndexOf(": ", StringComparison.Ordinal) + 2;
                var tj = t.IndexOf(": ", StringComparison.Ordinal) + 2;
                switch (rng.Next(3))
                {
                    case 0:
                        what = $"anchor line {i + 1}, alias it on line {j + 1}";
                        lines[i] = s[..si] + "&fz " + s[si..];
                        lines[j] = t[..tj] + "*fz";
                        break;
                    case 1:
                        what = $"alias to an unknown anchor on line {j + 1}";
                        lines[j] = t[..tj] + "*nowhere";
                        break;
                    default:
                        var levels = rng.Next(2, 9);
                        var bomb = "&b0 [" + new string('x', rng.Next(1, 2000)) + "]";
                        var last = "b0";
                        what = $"alias bomb of {levels} levels on line {j + 1}";
                        lines[j] = t[..tj] + bomb;
                        for (var k = 1; k <= levels; k++)
                        {
                            lines.Insert(j + k, t[..(t.Length - t.TrimStart().Length)] + $"fz{k}: &b{k} [" + string.Join(", ", Enumerable.Repeat("*" + last, 10)) + "]");
                            last = "b" + k;
                        }
                        break;
                }
                break;
            }
            case 15:
            {
                // Type swaps: a scalar becomes a list or a mapping, a list or a mapping becomes a scalar.
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(": ") || x.s.TrimEnd().EndsWith(':')).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var colon = s.IndexOf(':') + 1;
                var value = s[colon..].Trim();
                var swapped = value.Length == 0 ? "scalar" : value.StartsWith('[') || value.StartsWith('{') ? "42" : rng.Next(2) == 0 ? $"[{value}]" : $"{{v: {value}}}";
                what = $"swap the type of the value on line {i + 1} to '{swapped}'";
                lines[i] = s[..colon] + " " + swapped;
                break;
            }
            case 10 or 11:
            {
                // Point a uses/needs at another task of the flow (or at itself): cycles, self-containing compounds.
                var names = lines.Select(l => l.Trim().TrimStart('-').Trim())
                    .Where(l => l.StartsWith("name:", StringComparison.Ordinal) || l.StartsWith("root:", StringComparison.Ordinal) || l.StartsWith("export:", StringComparison.Ordinal))
                    .Select(l => l[(l.IndexOf(':') + 1)..].Trim()).Where(n => n.Length > 0).ToList();
                var refs = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("uses:", StringComparison.Ordinal) || x.l.TrimStart().StartsWith("needs:", StringComparison.Ordinal)).ToList();
                if (names.Count == 0 || refs.Count == 0) goto case 1;
                var (l, i) = refs[rng.Next(refs.Count)];
                var target = names[rng.Next(names.Count)];
                var key = l.TrimStart().StartsWith("uses:", StringComparison.Ordinal) ? "uses" : "needs";
                var indent = l[..(l.Length - l.TrimStart().Length)];
                what = $"retarget {key} on line {i + 1} to '{target}'";
                lines[i] = indent + (key == "uses" ? $"uses: {target}" : $"needs: [{target}]");
                break;
            }
            case 0:
            {
                var at = rng.Next(text.Length + 1);
                what = $"truncate at {at}";
                return text[..at];
            }
            case 1:
            {
                var l = Line();
                what = $"delete line {l + 1}";
                lines.RemoveAt(l);
                break;
            }
            case 2:
            {
                var l = Line();
                what = $"duplicate line {l + 1}";
                lines.Insert(l, lines[l]);
                break;
            }
            case 3:
            {
                var l = Line();
                var delta = rng.Next(-4, 5);
                what = $"indent line {l + 1} by {delta}";
                lines[l] = delta >= 0 ? new string(' ', delta) + lines[l] : lines[l][Math.Min(-delta, lines[l].Length - lines[l].TrimStart().Length)..];
                break;
            }
            case 4:
            {
                var tokens = Tokens(text);
                if (tokens.Count < 2) goto case 1;
                var a = tokens[rng.Next(tokens.Count)];
                var b = tokens[rng.Next(tokens.Count)];
                what = $"swap '{a}' and '{b}'";
                return text.Replace(a, "\u0001").Replace(b, a).Replace("\u0001", b);
            }
            case 5:
            {
                var at = rng.Next(text.Length + 1);
                var ins = Inserts[rng.Next(Inserts.Length)];
                what = $"insert '{ins.Replace("\n", "\\n").Replace("\t", "\\t")}' at {at}";
                return text.Insert(at, ins);
            }
            case 6:
            {
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(':')).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var colon = s.IndexOf(':');
                var start = s.Length - s.TrimStart(' ', '-').Length;
                if (start >= colon) goto case 1;
                var key = Keys[rng.Next(Keys.Length)];
                what = $"rename key on line {i + 1} to '{key}'";
                lines[i] = s[..start] + key + s[colon..];
                break;
            }
            case 7:
            {
                var candidates = lines.Select((s, i) => (s, i)).Where(x => x.s.Contains(": ")).ToList();
                if (candidates.Count == 0) goto case 1;
                var (s, i) = candidates[rng.Next(candidates.Count)];
                var value = Values[rng.Next(Values.Length)];
                what = $"set value on line {i + 1} to '{value}'";
                lines[i] = s[..(s.IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
                break;
            }
            case 8:
            {
                var a = Line();
                var b = Line();
                what = $"swap lines {a + 1} and {b + 1}";
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            }
            default:
            {
                var l = Line();
                var c = (char)rng.Next(32, 127);
                var at = rng.Next(lines[l].Length + 1);
                what = $"insert '{c}' on line {l + 1}";
                lines[l] = lines[l].Insert(at, c.ToString());
                break;
            }
        }
        return string.Join('\n', lines);
    }

    private static List<string> Tokens(string text)
        => text.Split([' ', '\n', '[', ']', '{', '}', ',', ':'], StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length > 1 && t != "-").Distinct().ToList();
}
