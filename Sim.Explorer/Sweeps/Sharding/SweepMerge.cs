using System.Globalization;
using Sim.Core.Config;
using Sim.Explorer.Inputs;

namespace Sim.Explorer.Sweeps.Sharding;

/// <summary>A shard that has not finished: how many of its points are missing, and whether it wrote a part at all.</summary>
public sealed record ShardGap(int Shard, int MissingPoints, bool HasPart);

/// <summary>Two parts holding different results for one point.</summary>
public sealed record PartConflict(string PointId, string FirstPart, string SecondPart);

/// <summary>
/// What the parts of a sharded sweep hold: the spec they were made from, its plan, the union of their entries, and
/// what is wrong with them (missing points per shard, conflicting duplicates). Complete when both lists are empty.
/// </summary>
public sealed record MergeInput(
    SweepSpec Spec,
    string SpecDisplayPath,
    IReadOnlyList<SweepPoint> Plan,
    int ShardCount,
    IReadOnlyDictionary<string, SweepJournal.Entry> Finished,
    IReadOnlyList<ShardGap> Gaps,
    IReadOnlyList<PartConflict> Conflicts,
    int EntriesOutsidePlan)
{
    public bool IsComplete => Gaps.Count == 0 && Conflicts.Count == 0;

    public int MissingPoints => Gaps.Sum(g => g.MissingPoints);
}

/// <summary>
/// Reads DIR/parts/ for <c>sim merge</c>: checks that every part came from the same spec text (sha256) and the same
/// shard count, and unions their entries. Mixed parts are bad input (<see cref="SimInputException"/>); missing points
/// and conflicting duplicates are reported in the result, since rerunning the named shards fixes them.
/// </summary>
public static class SweepMerge
{
    public static MergeInput Read(string outputDirectory, InputFile? specFile)
    {
        var partsDirectory = PartFiles.Directory(outputDirectory);
        var files = Directory.Exists(partsDirectory)
            ? Directory.GetFiles(partsDirectory).Select(f => (Path: f, Shard: PartFiles.ShardOf(Path.GetFileName(f)))).Where(f => f.Shard is not null).ToList()
            : [];
        if (files.Count == 0)
            throw new SimInputException($"{partsDirectory}: no part files (shard-<i>-of-<N>.jsonl). Fix: run the shards first, e.g. sim sweep SPEC --shard 0/4 -o {outputDirectory} (… through 3/4), then merge that directory");

        var counts = files.Select(f => f.Shard!.Count).Distinct().Order().ToList();
        if (counts.Count > 1)
            throw new SimInputException($"{partsDirectory}: parts of {string.Join(" and ", counts.Select(c => c.ToString(CultureInfo.InvariantCulture) + " shards"))} are mixed. Fix: merge one sharding per directory — delete the parts of the other run, or rerun the shards into a fresh -o directory");
        var shardCount = counts[0];

        // Which spec text each part ran, by hash.
        var specTexts = files.Where(f => f.Path.EndsWith(".spec.yaml", StringComparison.Ordinal))
            .Select(f => (Part: Path.GetFileName(f.Path), Text: File.ReadAllText(f.Path)))
            .OrderBy(p => p.Part, StringComparer.Ordinal)
            .ToList();
        var hashes = specTexts.GroupBy(p => PartFiles.Sha256(p.Text)).ToList();
        if (hashes.Count > 1)
            throw new SimInputException($"{partsDirectory}: the parts were made from different specs ({string.Join("; ", hashes.Select(h => $"sha256 {h.Key[..12]}…: {string.Join(", ", h.Select(p => p.Part))}"))}). Fix: rerun every shard from one spec into a fresh -o directory (or delete the parts of the other spec)");
        if (specFile is not null && hashes.Count == 1 && hashes[0].Key != PartFiles.Sha256(specFile.Text))
            throw new SimInputException($"{specFile.DisplayPath}: this spec is not the one the parts in {partsDirectory} were made from (sha256 {PartFiles.Sha256(specFile.Text)[..12]}… vs {hashes[0].Key[..12]}…). Fix: pass the spec the shards ran, or leave SPEC out to use the copy saved in the parts");

        var (spec, displayPath) = specFile is not null ? (SweepSpecYaml.Read(specFile), specFile.DisplayPath) : SpecFromParts(partsDirectory, files.Select(f => f.Path), specTexts);
        var plan = SweepPlan.Expand(spec);
        var inPlan = plan.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        var finished = new Dictionary<string, SweepJournal.Entry>(StringComparer.Ordinal);
        var lines = new Dictionary<string, (string Line, string Part)>(StringComparer.Ordinal);
        var conflicts = new List<PartConflict>();
        var outside = 0;
        foreach (var (path, _) in files.Where(f => f.Path.EndsWith(".jsonl", StringComparison.Ordinal)).OrderBy(f => f.Shard!.Index))
        {
            var part = Path.GetFileName(path);
            foreach (var (line, entry) in SweepJournal.ReadLines(path))
            {
                var id = entry.Point.PointId;
                if (!inPlan.Contains(id))
                {
                    outside++; // e.g. a resumed part that still holds points of an earlier spec: not this sweep's
                    continue;
                }

                if (lines.TryGetValue(id, out var seen))
                {
                    if (!string.Equals(seen.Line, line, StringComparison.Ordinal) && !conflicts.Any(c => c.PointId == id))
                        conflicts.Add(new PartConflict(id, seen.Part, part));
                    continue; // identical duplicate (a point journaled twice, e.g. by two runs of one shard): keep one
                }

                lines[id] = (line, part);
                finished[id] = entry;
            }
        }

        var withPart = files.Where(f => f.Path.EndsWith(".jsonl", StringComparison.Ordinal)).Select(f => f.Shard!.Index).ToHashSet();
        // By position in the plan, the same rule Shard.Select uses (not SweepPoint.Index, which a plan need not number densely).
        var gaps = plan.Select((point, position) => (point, position))
            .Where(p => !finished.ContainsKey(p.point.Id))
            .GroupBy(p => Shard.OwnerOf(p.position, shardCount))
            .OrderBy(g => g.Key)
            .Select(g => new ShardGap(g.Key, g.Count(), withPart.Contains(g.Key)))
            .ToList();
        return new MergeInput(spec, displayPath, plan, shardCount, finished, gaps, conflicts, outside);
    }

    /// <summary>Writes the merged tables exactly as an unsharded run would (points.csv, layers.csv, manifest.json).</summary>
    public static void WriteTables(string outputDirectory, MergeInput input, SweepOutputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsComplete)
            throw new InvalidOperationException("merge: the parts are incomplete or conflict; nothing to write");
        SweepTables.Write(outputDirectory, input.Spec, input.Plan, input.Finished, options);
    }

    /// <summary>
    /// The spec saved beside the parts, read as if from where the shards read it (its workload paths are relative to
    /// that file), and named by that path so manifest.json matches an unsharded run's.
    /// </summary>
    private static (SweepSpec Spec, string DisplayPath) SpecFromParts(string partsDirectory, IEnumerable<string> files, List<(string Part, string Text)> specTexts)
    {
        var origin = files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(PartFiles.ReadOrigin).FirstOrDefault(o => o is not null);
        if (specTexts.Count == 0 || origin is null)
            throw new SimInputException($"{partsDirectory}: no saved spec (shard-<i>-of-<N>.spec.yaml and .json). Fix: pass the spec the shards ran: sim merge DIR SPEC");
        var text = specTexts[0].Text;
        var file = origin.Embedded ? new InputFile(origin.DisplayPath, text, true) : new InputFile(origin.FullPath, text, false);
        return (SweepSpecYaml.Read(file) with { SourcePath = origin.DisplayPath }, origin.DisplayPath);
    }
}
