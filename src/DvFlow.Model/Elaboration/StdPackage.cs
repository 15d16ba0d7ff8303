using System.Reflection;

namespace DvFlow.Model.Elaboration;

/// <summary>The built-in std package, shipped inside this assembly as flow language text.</summary>
public static class StdPackage
{
    private static readonly Lazy<string> Content = new(() =>
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("DvFlow.Model.Std.flow.yaml")
            ?? throw new InvalidOperationException("the std package resource is missing from DvFlow.Model");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    });

    /// <summary>The text of std's flow.yaml.</summary>
    public static string Text => Content.Value;
}
