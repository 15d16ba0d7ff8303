using System.Text.Json;
using DvFlow.TaskApi;

namespace MyTasks;

/// <summary>Generators (<c>strategy: generate</c>): they create tasks while the flow is translated.</summary>
public static class Generators
{
    /// <summary>
    /// strategy.generate.run: MyTasks.Generators.GreetEveryone — one greet task per name in the JSON list the
    /// 'people' parameter names. Declaring the file as an input makes an edit to it regenerate the tasks.
    /// </summary>
    public static void GreetEveryone(GeneratorCtxt ctxt, GeneratorInput input)
    {
        var path = ctxt.AddInputFile(input.Str("people"));
        var people = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path));
        if (people is null || people.Length == 0)
        {
            ctxt.Error("the list of people is empty", path, 1, 1);
            return;
        }
        foreach (var who in people)
            ctxt.AddTask(ctxt.MkTaskNode("greet", ctxt.MkName("greet_" + who), new { who }));
    }
}
