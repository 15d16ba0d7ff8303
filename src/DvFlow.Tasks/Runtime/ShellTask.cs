using System.Globalization;
using System.Text;
using DvFlow.Model.Dataflow;
using DvFlow.Model.Expressions;
using DvFlow.Model.Values;
using DvFlow.TaskApi;

namespace DvFlow.Tasks.Runtime;

/// <summary>
/// Runs a <c>shell:</c> task with dfm's script contract, so scripts written for dfm run unchanged:
/// the run directory holds dfm.params.json and dfm.inputs.json (and dfm.memento.json when there is a
/// previous memento); DFM_* variables point at them and at the output channels dfm.output.jsonl,
/// dfm.env, dfm.path, dfm.markers.jsonl and dfm.memento.out.json, which are harvested after the script exits.
/// A multi-line body runs as the script file &lt;task&gt;_cmd.sh; output goes to &lt;task&gt;.log.
/// </summary>
public sealed class ShellTask(string shell, string body) : ITaskImplementation
{
    /// <inheritdoc />
    public async Task<TaskDataResult> RunAsync(TaskRunCtxt ctxt, TaskDataInput input)
    {
        var rd = input.RunDir;
        string F(string name) => Path.Combine(rd, name);
        // Through RunDirectoryPath: a link the last run of the script left under one of these names must not be written through.
        Task Write(string name, string text) => RunDirectoryPath.WriteAllTextAsync(rd, name, text, ctxt.Cancel);
        await Write("dfm.params.json", JsonValues.Serialize(input.Params, indented: true)).ConfigureAwait(false);
        await Write("dfm.inputs.json", JsonValues.Serialize(input.Inputs.Select(i => (object?)i.ToMap()).ToArray(), indented: true)).ConfigureAwait(false);
        // DvFlow extension: every file of the consumed FileSets, one absolute path per line, for scripts without a JSON parser.
        await Write("dfm.files.txt", string.Concat(input.Inputs.SelectMany(InputSignature.FilesOf).Select(f => f + Environment.NewLine))).ConfigureAwait(false);
        foreach (var channel in (string[])["dfm.output.jsonl", "dfm.env", "dfm.path", "dfm.markers.jsonl"])
            await Write(channel, "").ConfigureAwait(false);
        File.Delete(F("dfm.memento.out.json"));

        var env = new Dictionary<string, string?>(ctxt.Env, StringComparer.Ordinal)
        {
            ["TASK_SRCDIR"] = input.SrcDir,
            ["TASK_RUNDIR"] = rd,
            ["DFM_RUNDIR"] = rd,
            ["DFM_SRCDIR"] = input.SrcDir,
            ["DFM_TASK_NAME"] = input.Name,
            ["DFM_PARAMS"] = F("dfm.params.json"),
            ["DFM_INPUTS"] = F("dfm.inputs.json"),
            ["DFM_INPUT_FILES"] = F("dfm.files.txt"),
            ["DFM_OUTPUT"] = F("dfm.output.jsonl"),
            ["DFM_ENV"] = F("dfm.env"),
            ["DFM_PATH"] = F("dfm.path"),
            ["DFM_MARKERS"] = F("dfm.markers.jsonl"),
            ["DFM_MEMENTO_OUT"] = F("dfm.memento.out.json"),
        };
        if (input.Memento is not null)
        {
            await Write("dfm.memento.json", JsonValues.Serialize(input.Memento, indented: true)).ConfigureAwait(false);
            env["DFM_MEMENTO"] = F("dfm.memento.json");
        }
        else File.Delete(F("dfm.memento.json"));
        foreach (var (name, value) in input.Params)
            env["DFM_PARAM_" + name.ToUpperInvariant()] = ParamEnvValue(value);

        var exe = shell == "shell" ? "bash" : shell;
        IReadOnlyList<string> argv;
        if (body.Contains('\n'))
        {
            await Write(input.Name + "_cmd.sh", $"#!/bin/{exe}\n{body}").ConfigureAwait(false);
            var script = RunDirectoryPath.Resolve(rd, input.Name + "_cmd.sh");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            argv = [exe, script];
        }
        else argv = [exe, "-c", body];

        var result = new TaskDataResult();
        var status = await ctxt.ExecAsync(argv, input.Name + ".log", env: env.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!)).ConfigureAwait(false);
        result.Status = status;
        Harvest(rd, result);
        return result;
    }

    /// <summary>How a parameter appears in DFM_PARAM_NAME: strings as is, booleans true/false, lists and maps as compact JSON.</summary>
    public static string ParamEnvValue(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FlowValues.FormatDouble(d),
        _ => JsonValues.Serialize(value),
    };

    /// <summary>Reads the output channels into the result.</summary>
    public static void Harvest(string rd, TaskDataResult result)
    {
        var n = 0;
        foreach (var line in ReadLines(Path.Combine(rd, "dfm.output.jsonl")))
        {
            n++;
            if (line.Trim().Length == 0) continue;
            if (!JsonValues.TryParse(line, out var v)) { Warn(result, $"Malformed DFM_OUTPUT line {n}: not valid JSON"); continue; }
            if (v is not FlowMap map) { Warn(result, $"DFM_OUTPUT line {n} is not a JSON object"); continue; }
            if (map.GetValueOrDefault("type") is not string type || type.Length == 0) { Warn(result, $"DFM_OUTPUT line {n} missing 'type'"); continue; }
            if (type == "std.FileSet" && map.GetValueOrDefault("basedir") is "." or null)
                map = new FlowMap(map.Where(kv => kv.Key != "basedir").Append(new("basedir", rd)));
            result.Output.Add(DataItem.FromMap(map)!);
        }
        var vals = ReadEnvFile(Path.Combine(rd, "dfm.env"));
        var paths = ReadLines(Path.Combine(rd, "dfm.path")).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (vals.Count > 0 || paths.Count > 0)
        {
            var fields = new List<KeyValuePair<string, object?>>();
            if (vals.Count > 0) fields.Add(new("vals", new FlowMap(vals.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)))));
            if (paths.Count > 0) fields.Add(new("prepend_path", FlowMap.Of(("PATH", string.Join(Path.PathSeparator, paths)))));
            result.Output.Add(new DataItem("std.Env", null, -1, new FlowMap(fields)));
        }
        n = 0;
        foreach (var line in ReadLines(Path.Combine(rd, "dfm.markers.jsonl")))
        {
            n++;
            if (line.Trim().Length == 0) continue;
            if (!JsonValues.TryParse(line, out var v) || v is not FlowMap m) { Warn(result, $"Malformed DFM_MARKERS line {n}"); continue; }
            result.Markers.Add(MarkerJson.FromMap(m));
        }
        var mementoFile = Path.Combine(rd, "dfm.memento.out.json");
        if (File.Exists(mementoFile))
        {
            var text = File.ReadAllText(mementoFile);
            if (text.Trim().Length > 0)
            {
                if (JsonValues.TryParse(text, out var memento)) result.Memento = memento;
                else Warn(result, "Malformed dfm.memento.out.json");
            }
        }
    }

    private static void Warn(TaskDataResult r, string msg) => r.Markers.Add(new TaskMarker(MarkerSeverity.Warning, msg));

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    /// <summary>Reads a GitHub-Actions-style env file: KEY=VALUE lines and KEY&lt;&lt;DELIM heredocs.</summary>
    public static Dictionary<string, string> ReadEnvFile(string path)
    {
        var vals = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = ReadLines(path).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var eq = line.IndexOf('=');
            if (heredoc > 0 && (eq < 0 || heredoc < eq))
            {
                var key = line[..heredoc].Trim();
                var delim = line[(heredoc + 2)..].Trim();
                var sb = new StringBuilder();
                var first = true;
                for (i++; i < lines.Count && lines[i] != delim; i++)
                {
                    if (!first) sb.Append('\n');
                    sb.Append(lines[i]);
                    first = false;
                }
                vals[key] = sb.ToString();
            }
            else if (eq > 0) vals[line[..eq].Trim()] = line[(eq + 1)..];
        }
        return vals;
    }
}
