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
        return file.Extension switch
        {
            ".yaml" or ".yml" => ArchYaml.Parse(file.DisplayPath, file.Text),
            ".cfg" => ScaleSimConfigImporter.Parse(file.DisplayPath, file.Text).Arch,
            _ => throw new SimInputException($"{file.DisplayPath}: unknown arch format '{file.Extension}'. Fix: use a .yaml arch or a SCALE-Sim .cfg"),
        };
    }
}
