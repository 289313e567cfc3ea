using System.CommandLine;
using System.Globalization;
using Sim.Explorer.Analysis;
using Sim.Explorer.Inputs;
using Sim.Explorer.Reports;
using Sim.Explorer.Sweeps.Sharding;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim merge DIR [SPEC]</c>: joins the part files of a sharded sweep (DIR/parts/) into the tables and plots an
/// unsharded <c>sim sweep</c> of the same spec writes, byte for byte. Exit 1 when points are missing (it prints the
/// commands that finish them) or two parts disagree about a point; exit 2 when the parts come from different specs or
/// shard counts.
/// </summary>
public static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var directoryArg = new Argument<string>("dir") { Description = "The sweep's output directory (the -o the shards ran with), holding parts/" };
        var specArg = new Argument<string?>("spec") { Description = "The spec the shards ran (default: the copy each shard saved in DIR/parts/)", Arity = ArgumentArity.ZeroOrOne };
        var parquet = new Option<bool>("--parquet") { Description = "Also write points, layers and breakdown as .parquet (same columns as the CSVs)" };
        var command = new Command("merge", "Merge a sharded sweep's part files into points.csv, layers.csv, breakdown.csv, manifest.json, plots and report.html") { directoryArg, specArg, parquet };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(directoryArg)!;
            var specFile = parse.GetValue(specArg) is { } path ? InputFile.Read(path) : null;
            var input = SweepMerge.Read(directory, specFile);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"merge '{input.Spec.Name}' from {input.SpecDisplayPath}: {input.ShardCount} shards, {input.Finished.Count} of {input.Plan.Count} points found"));
            if (input.EntriesOutsidePlan > 0)
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: {input.EntriesOutsidePlan} journaled points are not in this spec's plan (left over from an earlier spec); ignored"));

            if (input.Conflicts.Count > 0)
            {
                foreach (var c in input.Conflicts.Take(10))
                    context.Error.WriteLine($"error: point {c.PointId} has different results in {c.FirstPart} and {c.SecondPart}");
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{input.Conflicts.Count} conflicting points. Fix: the parts were made by different sim builds or models; delete the part files of the shards you distrust and rerun them with the same sim"));
                return ExitCodes.Failed;
            }

            if (input.Gaps.Count > 0)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"error: {input.MissingPoints} of {input.Plan.Count} points are missing, from {input.Gaps.Count} of {input.ShardCount} shards: {string.Join(", ", input.Gaps.Select(Describe))}"));
                context.Error.WriteLine("Fix: finish those shards, then merge again:");
                foreach (var gap in input.Gaps)
                    context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  sim sweep {input.SpecDisplayPath} --shard {gap.Shard}/{input.ShardCount} --resume -o {directory}"));
                return ExitCodes.Failed;
            }

            SweepMerge.WriteTables(directory, input, new Sweeps.SweepOutputOptions { Parquet = parse.GetValue(parquet) });
            var plots = SweepReport.Write(directory, input.Spec);
            var points = input.Plan.Select(p => input.Finished[p.Id].Point).ToList();
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"merged {points.Count} points from {input.ShardCount} shards; {points.Count(p => p.Status == RowStatus.Infeasible)} infeasible, {points.Count(p => p.Status == RowStatus.Error)} failed"));
            context.Out.WriteLine($"wrote {Path.Combine(directory, "points.csv")}, layers.csv, breakdown.csv, manifest.json{(parse.GetValue(parquet) ? ", points/layers/breakdown.parquet" : "")}, {string.Join(", ", plots.Select(Path.GetFileName))}");
            return points.Any(p => p.Status == RowStatus.Error) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(ShardGap gap) => string.Create(CultureInfo.InvariantCulture,
        $"shard {gap.Shard} ({gap.MissingPoints} missing{(gap.HasPart ? "" : ", no part file")})");
}
