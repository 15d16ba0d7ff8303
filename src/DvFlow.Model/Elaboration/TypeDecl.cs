using DvFlow.Model.Definitions;

namespace DvFlow.Model.Elaboration;

/// <summary>A data type of a package (<c>types:</c>), addressed as <c>pkg.Name</c>.</summary>
public sealed class TypeDecl
{
    internal TypeDecl(FlowPackage package, string name, TypeDef def)
    {
        Package = package;
        Name = name;
        Def = def;
    }

    /// <summary>The owning package.</summary>
    public FlowPackage Package { get; }

    /// <summary>The package-local name.</summary>
    public string Name { get; }

    /// <summary>The fully qualified name, <c>pkg.Name</c>; this is the <c>type</c> field of its items.</summary>
    public string FullName => Package.Name + "." + Name;

    /// <summary>The definition.</summary>
    public TypeDef Def { get; }

    /// <inheritdoc />
    public override string ToString() => FullName;
}
