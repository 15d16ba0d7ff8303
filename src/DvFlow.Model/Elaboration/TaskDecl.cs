using DvFlow.Model.Definitions;
using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Elaboration;

/// <summary>
/// A top-level task of a package after config and extensions are applied: its definition, the
/// package it belongs to, and the names it is known by. Subtasks stay inside <see cref="Def"/>.
/// </summary>
public sealed class TaskDecl
{
    internal TaskDecl(FlowPackage package, string name, TaskDef def, TaskDecl? overridden)
    {
        Package = package;
        Name = name;
        Def = def;
        Overridden = overridden;
    }

    /// <summary>The owning package.</summary>
    public FlowPackage Package { get; }

    /// <summary>The package-local name (<c>build</c>, or <c>rtl.build</c> in a named fragment).</summary>
    public string Name { get; }

    /// <summary>The fully qualified name, <c>pkg.name</c>.</summary>
    public string FullName => Package.Name + "." + Name;

    /// <summary>The definition, with config extensions merged in.</summary>
    public TaskDef Def { get; internal set; }

    /// <summary>For a task that overrides another, the replaced declaration (its implicit base).</summary>
    public TaskDecl? Overridden { get; }

    /// <summary>The directory of the file that declared the task: its <c>srcdir</c>.</summary>
    public string SrcDir => Path.GetDirectoryName(Def.FragmentFile) ?? "";

    /// <summary>Where the task is declared.</summary>
    public SourceLocation Location => Def.Location;

    /// <inheritdoc />
    public override string ToString() => FullName;
}
