
namespace DvFlow.TaskApi;

/// <summary>Builds std.FileSet items with the field order dfm uses.</summary>
public static class FileSetItem
{
    /// <summary>The std.FileSet type name.</summary>
    public const string Type = "std.FileSet";

    /// <summary>Creates a FileSet item (the runner stamps src and seq).</summary>
    public static DataItem Create(string filetype, string basedir, IEnumerable<string> files,
        IEnumerable<string>? incdirs = null, IEnumerable<string>? defines = null, IEnumerable<string>? attributes = null, string name = "")
        => new(Type, null, -1, FlowMap.Of(
            ("filetype", filetype),
            ("basedir", basedir),
            ("name", name),
            ("files", files.Cast<object?>().ToArray()),
            ("incdirs", (incdirs ?? []).Cast<object?>().ToArray()),
            ("defines", (defines ?? []).Cast<object?>().ToArray()),
            ("params", FlowMap.Empty),
            ("attributes", (attributes ?? []).Cast<object?>().ToArray())));
}
