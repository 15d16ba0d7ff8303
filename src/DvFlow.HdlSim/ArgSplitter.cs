using System.Text;

namespace DvFlow.HdlSim;

/// <summary>
/// Splits argument strings the way a POSIX shell does (whitespace, single and double quotes, backslash),
/// because each entry of an <c>args</c> list may hold several arguments, as in dfm.
/// </summary>
public static class ArgSplitter
{
    /// <summary>Splits every entry and concatenates the results.</summary>
    public static IEnumerable<string> SplitAll(IEnumerable<string> entries) => entries.SelectMany(Split);

    /// <summary>Splits one string into arguments.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var result = new List<string>();
        var cur = new StringBuilder();
        var inArg = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\') cur.Append(text[++i]);
                else cur.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; inArg = true; }
            else if (c == '\\' && i + 1 < text.Length) { cur.Append(text[++i]); inArg = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inArg) result.Add(cur.ToString());
                cur.Clear();
                inArg = false;
            }
            else { cur.Append(c); inArg = true; }
        }
        if (inArg) result.Add(cur.ToString());
        return result;
    }
}
