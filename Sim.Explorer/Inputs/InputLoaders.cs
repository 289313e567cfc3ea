using Sim.Arch.Energy;
using Sim.Arch.LoopNest;
using Sim.Core.Config;
using Sim.Core.Hardware;
using Sim.Core.Workloads;
using Sim.Explorer.Import;
using Sim.Explorer.Import.Timeloop;

namespace Sim.Explorer.Inputs;

/// <summary>Picks the reader for an input by its extension: our YAML (or a Timeloop problem YAML, told apart by its
/// top-level 'problem:' key), or SCALE-Sim's .cfg / topology .csv.</summary>
public static class InputLoaders
{
    public static Workload LoadWorkload(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Extension switch
        {
            ".yaml" or ".yml" when TimeloopProblemImporter.IsTimeloopProblem(file.Text) => TimeloopProblemImporter.Parse(file.DisplayPath, file.Text),
            ".yaml" or ".yml" => WorkloadYaml.Parse(file.DisplayPath, file.Text),
            ".csv" => TopologyCsvImporter.Parse(file.DisplayPath, file.Text),
            _ => throw new SimInputException($"{file.DisplayPath}: unknown workload format '{file.Extension}'. Fix: use a .yaml workload (ours or a Timeloop problem), a SCALE-Sim topology .csv or an ONNX model (.onnx)"),
        };
    }

    public static ArchSpec LoadArch(InputFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var arch = file.Extension switch
        {
            ".yaml" or ".yml" => ArchYaml.Parse(file.DisplayPath, file.Text),
            ".cfg" => ScaleSimConfigImporter.Parse(file.DisplayPath, file.Text).Arch,
            _ => throw new SimInputException($"{file.DisplayPath}: unknown arch format '{file.Extension}'. Fix: use a .yaml arch or a SCALE-Sim .cfg"),
        };
        if (PeVariantFactors.Problem(arch.Costs.Variant, arch.Tile) is { } problem)
            throw new SimInputException($"{file.DisplayPath}: costs.pe_variant: {problem}. Fix: use pe_variant: mac (or ent), or an accelerator tile");
        return arch;
    }

    /// <summary>An input error when <paramref name="arch"/> (read from <paramref name="archFile"/>) has no loop-nest model, for <paramref name="command"/>.</summary>
    public static void RequireLoopNest(ArchSpec arch, string archFile, string command)
    {
        ArgumentNullException.ThrowIfNull(arch);
        if (LoopNestHierarchy.Problem(arch.Tile) is { } problem)
        {
            throw new SimInputException($"{archFile}: tile.kind: {problem}; {command} maps loops onto a PE array. "
                + (arch.Tile is CalibratedTileSpec
                    ? "Fix: use an accelerator arch for it, or run the calibrated arch with sim run and no --mapping (its own timing model)"
                    : "Fix: use an accelerator arch"));
        }
    }
}
