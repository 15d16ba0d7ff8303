using System.Security.Cryptography;
using System.Text;

namespace DvFlow.Tasks.Build;

/// <summary>A short digest of what a translation depended on besides files: the config and the parameter overrides.</summary>
internal static class Fingerprint
{
    /// <summary>
    /// The fingerprint of a translation: config, overrides, the run root (every run directory in the plan is under it:
    /// a moved DvFlowRunRoot with the old plan would write where the user no longer points), the installed packages,
    /// and the SDK build itself.
    /// </summary>
    public static string ForTranslation(string? config, IEnumerable<string> overrides, string runRoot, DvFlow.Model.Loading.PackageRegistry registry)
        => Of(config, overrides, registry.PackageNames.Select(n => n + "=" + registry.Resolve(n)).Order(StringComparer.Ordinal)
            .Append("runroot=" + Path.GetFullPath(runRoot))
            .Append("sdk=" + File.GetLastWriteTimeUtc(typeof(Fingerprint).Assembly.Location).Ticks));

    public static string Of(string? config, IEnumerable<string> overrides, IEnumerable<string> extra)
    {
        var text = "config=" + (config ?? "") + "\n" + string.Join("\n", overrides.Order(StringComparer.Ordinal)) + "\n--\n" + string.Join("\n", extra);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
