using System.Text;

namespace DvFlow.Benchmarks;

/// <summary>
/// Writes a realistic large flow: a root package split over fragments that imports several library
/// packages. Tasks are FileSets, derived tasks with parameters and expressions, data items, shell tasks,
/// needs chains and fan-ins, compounds and matrices, in the proportions of a big SoC verification flow.
/// </summary>
internal static class FlowGenerator
{
    /// <summary>What was generated.</summary>
    public sealed record Shape(int Fragments, int Libraries, int RootTasks, int LibraryTasks, int Lines)
    {
        public int TopLevelTasks => RootTasks + LibraryTasks;
    }

    public static Shape Write(string dir, int fragments = 50, int libraries = 5, int tasksPerFragment = 80, int tasksPerLibrary = 200)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var lines = 0;
        void Write(string rel, string text)
        {
            var full = Path.Combine(dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            lines += text.Count(c => c == '\n');
        }

        for (var l = 0; l < libraries; l++) Write($"libs/lib{l}/flow.yaml", Library(l, tasksPerLibrary));
        Write("flow.yaml", Root(fragments, libraries));
        for (var fr = 0; fr < fragments; fr++) Write($"blocks/b{fr:D2}/flow.yaml", Fragment(fr, libraries, tasksPerFragment));
        return new Shape(fragments, libraries, fragments * tasksPerFragment + 1, libraries * tasksPerLibrary, lines);
    }

    private static string Root(int fragments, int libraries)
    {
        var sb = new StringBuilder();
        sb.Append("""
            package:
              name: soc
              desc: Generated SoC flow for benchmarking
              with:
                width: {type: int, value: 64}
                debug: {type: bool, value: false}
                sim: {type: str, value: vlt}
                seeds: {type: list, value: [1, 2, 3, 4]}
                defines: {type: map, value: {SOC: 1}}
              imports:

            """);
        for (var l = 0; l < libraries; l++)
            sb.Append($"  - path: libs/lib{l}\n    with:\n      depth: {8 + l}\n");
        sb.Append("  types:\n  - name: BlockOpts\n    with:\n      verbose: {type: bool}\n      level: {type: int, value: 1}\n      tags: {type: list}\n");
        sb.Append("  fragments:\n");
        for (var fr = 0; fr < fragments; fr++) sb.Append($"  - blocks/b{fr:D2}/flow.yaml\n");
        sb.Append("  tasks:\n  - root: all\n    needs: [");
        sb.Append(string.Join(", ", Enumerable.Range(0, fragments).Select(fr => $"b{fr:D2}_top")));
        sb.Append("]\n  configs:\n  - name: debug\n    with:\n      debug: {value: true}\n");
        return sb.ToString();
    }

    private static string Library(int l, int tasks)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            package:
              name: lib{l}
              with:
                depth: {"{type: int, value: 4}"}
                vendor: {"{type: str, value: acme}"}
              types:
              - name: CompileArgs
                with:
                  args: {"{type: list}"}
                  defines: {"{type: list}"}
              - name: ElabArgs
                uses: CompileArgs
                with:
                  top: {"{type: str}"}
              tasks:
              - export: Compile
                desc: Compile sources with lib{l}'s tool
                shell: bash
                run: |
                  tool{l} -O${"{{ opt }}"} -D DEPTH=${"{{ depth }}"} ${"{{ args }}"} -o ${"{{ rundir }}"}/out
                consumes:
                - type: std.FileSet
                  filetype: systemVerilogSource
                - type: lib{l}.CompileArgs
                produces:
                - type: std.FileSet
                  filetype: objects
                  tool: "tool{l}"
                  opt: "${"{{ params.opt }}"}"
                with:
                  opt: {"{type: int, value: 2}"}
                  args: {"{type: list}"}
                  top: {"{type: str}"}
                  trace: {"{type: bool, value: false}"}
              - export: Sim
                desc: Run a simulation
                shell: bash
                run: sim{l} +seed=${"{{ seed }}"} +top=${"{{ top }}"}
                uptodate: false
                with:
                  seed: {"{type: int, value: 1}"}
                  top: {"{type: str}"}
                  plusargs: {"{type: list}"}

            """);
        for (var i = 0; i < tasks - 2; i++)
        {
            switch (i % 4)
            {
                case 0:
                    sb.Append($"  - export: files{i}\n    uses: std.FileSet\n    with:\n      type: systemVerilogSource\n      include: [\"rtl{i}/*.sv\"]\n      defines: [\"DEPTH=${{{{ depth }}}}\"]\n");
                    break;
                case 1:
                    sb.Append($"  - name: args{i}\n    uses: CompileArgs\n    with:\n      args: [\"-j{i % 8}\", \"--vendor=${{{{ vendor }}}}\"]\n");
                    break;
                case 2:
                    sb.Append($"  - export: unit{i}\n    uses: Compile\n    needs: [files{i - 2}, args{i - 1}]\n    with:\n      top: unit{i}_tb\n      opt: ${{{{ depth // 2 }}}}\n      args: {{append: [\"-DUNIT={i}\"]}}\n");
                    break;
                default:
                    sb.Append($"  - export: sim{i}\n    uses: Sim\n    needs: [unit{i - 1}]\n    with:\n      top: unit{i - 1}_tb\n      seed: ${{{{ {i} * 7 }}}}\n");
                    break;
            }
        }
        return sb.ToString();
    }

    // One block of the SoC: sources, options, compiles on the libraries, a compound, a matrix regression and a top.
    private static string Fragment(int fr, int libraries, int tasks)
    {
        var b = $"b{fr:D2}";
        var lib = $"lib{fr % libraries}";
        var sb = new StringBuilder();
        sb.Append("fragment:\n  tasks:\n");
        var count = 0;
        var compiles = new List<string>();
        void Task(string text) { sb.Append(text); count++; }

        // Sources and options: 16 FileSets, 4 data items.
        for (var i = 0; i < 16; i++)
            Task($"  - name: {b}_src{i}\n    uses: std.FileSet\n    with:\n      type: systemVerilogSource\n      base: rtl/{b}\n      include: [\"m{i}_*.sv\", \"pkg/*.svh\"]\n      incdirs: [pkg]\n      defines: [\"WIDTH=${{{{ width }}}}\", \"BLOCK={fr}\"]\n      attributes: [{(i % 2 == 0 ? "rtl" : "tb")}]\n");
        for (var i = 0; i < 4; i++)
            Task($"  - name: {b}_opts{i}\n    uses: BlockOpts\n    iff: ${{{{ debug or {i} < 2 }}}}\n    with:\n      verbose: ${{{{ debug }}}}\n      level: ${{{{ {i} + 1 }}}}\n      tags: [\"{b}\", \"w${{{{ width }}}}\"]\n");
        // Compiles: a needs chain with fan-ins of sources.
        for (var i = 0; i < 24; i++)
        {
            var needs = new List<string> { $"{b}_src{i % 16}", $"{b}_src{(i + 5) % 16}", $"{b}_opts{i % 4}" };
            if (i > 0) needs.Add($"{b}_comp{i - 1}");
            if (i % 6 == 5) needs.Add($"{lib}.unit{2 + 4 * (i % 10)}");
            Task($"  - name: {b}_comp{i}\n    uses: {lib}.Compile\n    needs: [{string.Join(", ", needs)}]\n    with:\n      top: {b}_m{i}\n      opt: ${{{{ 3 if debug else {i % 3} }}}}\n      trace: ${{{{ debug }}}}\n      args:\n        append: [\"-DW=${{{{ width * 2 }}}}\", \"-DB={fr}\"]\n    consumes:\n    - type: std.FileSet\n      attributes: [rtl]\n");
            compiles.Add($"{b}_comp{i}");
        }
        // Lint and report shell tasks.
        for (var i = 0; i < 20; i++)
            Task($"  - name: {b}_lint{i}\n    shell: bash\n    run: verilator --lint-only -DW=${{{{ width }}}} ${{{{ srcdir }}}}/m{i}.sv\n    needs: [{b}_src{i % 16}]\n    with:\n      strict: {{type: bool, value: {(i % 2 == 0 ? "true" : "false")}}}\n");
        // Simulations on the compiles.
        for (var i = 0; i < 12; i++)
            Task($"  - name: {b}_sim{i}\n    uses: {lib}.Sim\n    needs: [{compiles[i * 2]}]\n    with:\n      top: {b}_m{i * 2}\n      seed: ${{{{ seeds[{i % 4}] }}}}\n      plusargs: [\"+block={b}\", \"+w=${{{{ width }}}}\"]\n");
        // A compound: generate, collect, compile inside one directory.
        Task($"""
              - name: {b}_gen
                rundir: inherit
                with:
                  prefix: {"{type: str, value: gen}"}
                body:
                - name: cfg
                  uses: std.CreateFile
                  with:
                    filename: "${"{{ prefix }}"}_cfg.svh"
                    content: "`define W ${"{{ width }}"}"
                - name: collect
                  uses: std.FileSet
                  needs: [cfg]
                  with: {"{include: \"*.svh\", base: \".\"}"}
                - name: build
                  uses: {lib}.Compile
                  needs: [collect]
                  with:
                    top: {b}_gen

            """);
        // A matrix regression: 2 tests x 2 seeds x 2 steps.
        Task($"""
              - name: {b}_regress
                needs: [{compiles[^1]}]
                strategy:
                  matrix:
                    test: [smoke, stress]
                    seed: [1, 2]
                body:
                - name: run
                  uses: {lib}.Sim
                  with:
                    top: {b}_tb
                    seed: ${"{{ matrix.seed }}"}
                    plusargs: ["+test=${"{{ matrix.test }}"}"]
                - name: check
                  needs: [run]
                  shell: bash
                  run: grep -q PASSED ${"{{ rundir }}"}/sim.log

            """);
        // Fill up to the requested count with small derived tasks, then the block's top.
        var i2 = 0;
        while (count < tasks - 1)
        {
            Task($"  - name: {b}_msg{i2}\n    uses: std.Message\n    needs: [{b}_sim{i2 % 12}]\n    with:\n      msg: \"{b} step {i2} width=${{{{ width }}}} sim=${{{{ sim }}}}\"\n");
            i2++;
        }
        Task($"  - name: {b}_top\n    needs: [{b}_gen, {b}_regress, {string.Join(", ", Enumerable.Range(0, 12).Select(i => $"{b}_sim{i}"))}]\n");
        return sb.ToString();
    }
}
