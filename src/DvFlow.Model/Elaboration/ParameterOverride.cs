namespace DvFlow.Model.Elaboration;

/// <summary>One parsed <c>-D name=value</c> override. The value stays a string until it is coerced to the parameter's type.</summary>
public sealed record ParameterOverride(string Name, string Value)
{
    /// <summary>
    /// Parses <c>name=value</c> (a leading <c>-D</c> is allowed); null when there is no <c>=</c> or no name. The name is
    /// trimmed, the value is kept exactly: spaces at its ends are part of it, as the user typed them.
    /// </summary>
    public static ParameterOverride? Parse(string text)
    {
        var s = text.TrimStart();
        if (s.StartsWith("-D", StringComparison.Ordinal)) s = s[2..].TrimStart();
        var eq = s.IndexOf('=');
        if (eq <= 0) return null;
        var name = s[..eq].Trim();
        return name.Length == 0 ? null : new ParameterOverride(name, s[(eq + 1)..]);
    }

    /// <summary>Whether the name has a qualifier (<c>pkg.param</c> or <c>task.param</c>).</summary>
    public bool IsQualified => Name.Contains('.');

    /// <summary>The part after the last dot: the parameter name.</summary>
    public string ParamName => Name[(Name.LastIndexOf('.') + 1)..];

    /// <summary>The part before the last dot (package or task), or empty.</summary>
    public string Qualifier => IsQualified ? Name[..Name.LastIndexOf('.')] : "";
}
