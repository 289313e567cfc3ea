using System.CommandLine;
using Sim.Arch.Native;
using Sim.Core.Config;
using Sim.Explorer.Results;
using Sim.Explorer.Verify;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim verify</c>: the suite (GEMM, conv, attention, PIM, SpGEMM) through every simulated functional path and every
/// native target on this machine, each compared with the reference oracle (int exact, fp within stated bounds).
/// Exit 1 on any mismatch; a target that is not here is listed with its reason and is not a failure, unless every
/// target named with <c>--target</c> is missing: then nothing native was checked and the exit code is 3.
/// </summary>
public static class VerifyCommand
{
    public static Command Create(CliContext context) => Create(context, VerifyTargetSource.Registry);

    public static Command Create(CliContext context, VerifyTargetSource source)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        var quick = new Option<bool>("--quick") { Description = "A smaller suite (one case of each kind, smallest sizes)" };
        var csv = new Option<string?>("--csv") { Description = "Also write the table to this CSV file" };
        var target = new Option<string[]>("--target") { Description = "Restrict native targets to this one (repeatable)" };
        var matrices = new Option<string>("--matrices") { Description = "Folder of the shipped Matrix Market matrices", DefaultValueFactory = _ => Path.Combine("workloads", "matrices") };
        var seed = new Option<int>("--seed") { Description = "Operand seed", DefaultValueFactory = _ => VerifyOperands.DefaultSeed };
        var command = new Command("verify", "Check that the simulator's functional outputs equal native execution and the reference oracles")
        {
            quick, csv, target, matrices, seed,
        };
        command.SetAction(parse =>
        {
            var requested = parse.GetValue(target) ?? [];
            var unknown = requested.Where(name => !source.Names.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                var valid = source.Names.Count == 0 ? "none in this build" : string.Join(", ", source.Names);
                throw new SimInputException($"--target: no native target named {string.Join(", ", unknown.Select(n => $"'{n}'"))}. Fix: use one of: {valid}");
            }

            var directory = parse.GetValue(matrices)!;
            if (!Directory.Exists(directory))
                throw new SimInputException($"--matrices: folder '{directory}' not found. Fix: run from the repository root or pass --matrices workloads/matrices");

            // The CSV path is checked before the suite runs, so an unwritable one neither wastes the run nor hides a mismatch's exit 1.
            if (parse.GetValue(csv) is { } csvFile)
            {
                if (Path.GetDirectoryName(Path.GetFullPath(csvFile)) is { } csvDirectory)
                    Directory.CreateDirectory(csvDirectory);
                File.WriteAllText(csvFile, "");
            }

            var names = requested.Length > 0 ? requested.Distinct().ToList() : [.. source.Names];
            var probes = names.Select(name => source.Probe(name) ?? NativeTargetProbe.Missing(name, "not in this build")).ToList();
            try
            {
                var report = VerifyRunner.Run(VerifySuite.Build(parse.GetValue(quick), directory, parse.GetValue(seed)), probes);
                Terminal.Render(context, Table(report));
                if (parse.GetValue(csv) is { } csvPath)
                    ResultsCsv.Write(csvPath, report.Rows.Select(VerifyRow.From));
                context.Out.WriteLine(report.Summary());
                return ExitCode(report, requested.Length > 0);
            }
            finally
            {
                foreach (var probe in probes)
                    probe.Target?.Dispose();
            }
        });
        return command;
    }

    /// <summary>
    /// 1 on any mismatch; else 3 when targets were requested and none of them is here (no native check ran, so a
    /// green run would say nothing about them); else 0.
    /// </summary>
    public static int ExitCode(VerifyReport report, bool targetsRequested)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Mismatches > 0)
            return ExitCodes.Failed;
        return targetsRequested && report.Probes.All(p => p.Target is null) ? ExitCodes.Unavailable : ExitCodes.Ok;
    }

    private static Table Table(VerifyReport report)
    {
        var table = new Table().AddColumn("case").AddColumn("path").AddColumn("target")
            .AddColumn(new TableColumn("max |err|").RightAligned()).AddColumn(new TableColumn("bound").RightAligned())
            .AddColumn(new TableColumn("worst err/bound").RightAligned())
            .AddColumn("ok").AddColumn("note");
        foreach (var check in report.Rows)
        {
            var status = VerifyRow.StatusName(check.Status);
            table.AddRow(Markup.Escape(check.Case), Markup.Escape(check.Path), Markup.Escape(check.Target),
                VerifyRow.Number(check.MaxAbsError), VerifyRow.Number(check.Bound), VerifyRow.Number(check.WorstRatio),
                check.Status == VerifyStatus.Mismatch ? $"[red]{status}[/]" : status, Markup.Escape(check.Note));
        }

        return table;
    }
}
