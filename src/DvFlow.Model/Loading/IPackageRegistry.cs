namespace DvFlow.Model.Loading;

/// <summary>
/// Finds installed packages by name: the analogue of dfm's plugin entry points, <c>DV_FLOW_PATH</c>
/// and package maps. The SDK fills it from NuGet plugin packages, search paths and map files.
/// </summary>
public interface IPackageRegistry
{
    /// <summary>The flow file that defines <paramref name="packageName"/>, or null when it is not installed.</summary>
    string? Resolve(string packageName);

    /// <summary>Every package name the registry knows, for listings and did-you-mean hints.</summary>
    IEnumerable<string> PackageNames { get; }
}
