using DvFlow.Model.Definitions;

namespace DvFlow.Model.Loading;

/// <summary>A package file with all the fragment files it pulls in, read but not yet elaborated.</summary>
public sealed record PackageSource(FlowFileDef Package, IReadOnlyList<FragmentSource> Fragments)
{
    /// <summary>The package name.</summary>
    public string Name => Package.Name;

    /// <summary>The package file and then each fragment, each with the name prefix its tasks get.</summary>
    public IEnumerable<FragmentSource> AllFiles => Fragments.Prepend(new FragmentSource(Package, ""));
}

/// <summary>One file contributing to a package. A named fragment prefixes its tasks and types (<c>rtl.build</c>).</summary>
public sealed record FragmentSource(FlowFileDef File, string Prefix);
