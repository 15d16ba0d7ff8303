namespace DvFlow.Model.Yaml;

/// <summary>Finds the closest known name to a misspelt one, for "did you mean" hints.</summary>
public static class NameSuggester
{
    /// <summary>Returns the candidate nearest to <paramref name="name"/> when it is close enough to be a likely typo.</summary>
    public static string? Suggest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDist = int.MaxValue;
        string? qualified = null;
        foreach (var c in candidates)
        {
            // A short name used where a qualified one is needed ('helper' for 'lib.helper').
            if (qualified is null && c.Length > name.Length && c[^(name.Length + 1)] == '.' && c.EndsWith(name, StringComparison.Ordinal))
                qualified = c;
            var d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDist) { bestDist = d; best = c; }
        }
        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        return bestDist <= limit ? best : qualified;
    }

    /// <summary>
    /// Up to <paramref name="max"/> candidates nearest to <paramref name="name"/> (closest first, then alphabetically): those
    /// close enough to be a likely typo, and those whose last segment is the name or starts with it.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(1, Math.Min(3, name.Length / 3));
        var lower = name.ToLowerInvariant();
        return candidates
            .Select(c => (c, d: Distance(lower, c.ToLowerInvariant()), last: c[(c.LastIndexOf('.') + 1)..].ToLowerInvariant()))
            .Select(x => (x.c, d: x.last == lower ? 0 : x.last.StartsWith(lower, StringComparison.Ordinal) ? 1 : Math.Min(x.d, Distance(lower, x.last))))
            .Where(x => x.d <= limit)
            .OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal)
            .Take(max).Select(x => x.c).ToList();
    }

    /// <summary>" (did you mean 'x'?)" or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
        => Suggest(name, candidates) is { } s ? $" (did you mean '{s}'?)" : "";

    private static int Distance(string a, string b)
    {
        // Optimal string alignment distance: a transposition counts as one edit.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
