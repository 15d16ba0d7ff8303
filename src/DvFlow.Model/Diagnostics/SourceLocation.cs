namespace DvFlow.Model.Diagnostics;

/// <summary>A position in a flow source file. Line and column are 1-based, as MSBuild and editors expect.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names only a file (for errors that have no better position).</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    /// <summary>The canonical MSBuild form: <c>file(line,col)</c>, or just the file when no line is known.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;

    /// <summary>Reads the form <see cref="ToString"/> writes (the file may itself contain parentheses); null for null or empty text.</summary>
    public static SourceLocation? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var open = text.LastIndexOf('(');
        if (open > 0 && text.EndsWith(')') && text[(open + 1)..^1].Split(',') is [var l, var c]
            && int.TryParse(l, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            && int.TryParse(c, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var col))
            return new SourceLocation(text[..open], line, col);
        return OfFile(text);
    }
}
