using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// What decides how a task does its work, besides its parameters and inputs: the command (shell and the
/// <c>run:</c> body or implementation name after <c>${{ }}</c> expansion) and the code that carries it out (the
/// implementing type and its assembly's build). Both are recorded with the task, so an edited script or a rebuilt
/// task library reruns the task, as Ninja reruns an edge whose command line changed.
/// </summary>
public static class ImplementationSignature
{
    /// <summary>A digest of the node's command: kind, shell, run body or reference, produced type and custom check.</summary>
    public static string Command(NodeSpec node)
    {
        var text = string.Join('\u001f', node.Kind, node.Shell ?? "", node.Run ?? "", node.DataType ?? "", node.Uptodate);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();
    }

    /// <summary>The code that runs the node: <c>Type@assembly-build-id</c> of the user's or the built-in implementation.</summary>
    public static string Code(ITaskImplementation impl)
    {
        var type = impl is IUserCode user ? user.CodeType : impl.GetType();
        return type.FullName + "@" + BuildId(type.Assembly);
    }

    // The module version id changes whenever an assembly is compiled from changed sources (and stays the same for a
    // deterministic rebuild of the same ones); dynamic assemblies (inline C#) are keyed by their body in the command.
    private static string BuildId(Assembly assembly) => assembly.IsDynamic ? "dynamic" : assembly.ManifestModule.ModuleVersionId.ToString("N");
}

/// <summary>An implementation that runs user code: the type whose build decides the task's results.</summary>
public interface IUserCode
{
    /// <summary>The user type (a function task's declaring type, a class task's type).</summary>
    Type CodeType { get; }
}
