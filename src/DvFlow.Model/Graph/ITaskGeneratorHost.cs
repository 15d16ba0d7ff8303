namespace DvFlow.Model.Graph;

/// <summary>
/// Runs the generators of <c>strategy.generate</c> tasks while a graph is built. The model knows no
/// implementation language: the SDK supplies a host that runs C# generators. The tasks a generator returns
/// become subtasks of the generating (compound) task and are checked like tasks written in YAML.
/// </summary>
public interface ITaskGeneratorHost
{
    /// <summary>Runs the generator of <paramref name="request"/>'s task and returns the tasks it created.</summary>
    GeneratorResult Generate(GeneratorRequest request);
}
