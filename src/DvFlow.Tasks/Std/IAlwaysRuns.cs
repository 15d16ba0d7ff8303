using DvFlow.Model.Expressions;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Std;

/// <summary>A std task that must run on every build, at least for some parameters, because the runner cannot know all its inputs (globs).</summary>
public interface IAlwaysRuns
{
    /// <summary>True when the task with these parameters runs on every build.</summary>
    bool AlwaysRuns(FlowMap parameters);
}
