using System.Text.RegularExpressions;
using Sim.Core.Config;
using Sim.Core.Workloads;

namespace Sim.Explorer.Import.Timeloop;

/// <summary>
/// Imports a Timeloop problem YAML (one einsum) as a one-op <see cref="Workload"/>: the CNN layer becomes a
/// <see cref="Conv2d"/>, the GEMM a <see cref="Gemm"/>. Workload and op are named after the file. Timeloop's
/// instance has no padding (the input extent it implies already includes any), so the conv's padding is 0 and its
/// input is (P − 1)·stride + (R − 1)·dilation + 1 per axis, unless timeloopfe's H/W/Hpad/Wpad say otherwise.
/// </summary>
public static partial class TimeloopProblemImporter
{
    public static Workload Load(string path)
    {
        if (!File.Exists(path))
            throw new SimInputException($"{path}: file not found. Fix: check the path (relative paths are resolved from the current directory)");
        return Parse(path, File.ReadAllText(path));
    }

    /// <summary>
    /// True when <paramref name="text"/> has Timeloop's top-level 'problem:' key (Sim's own workload YAML has none), so a
    /// .yaml input goes to the right reader. A line scan, not a parse: Jinja-templated Timeloop files, which are not
    /// YAML yet, are routed here too and get the message that says so.
    /// </summary>
    public static bool IsTimeloopProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ProblemKey().IsMatch(text);
    }

    [GeneratedRegex(@"^problem[ \t]*:", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemKey();

    public static Workload Parse(string path, string text)
    {
        var problem = TimeloopProblemReader.Read(TimeloopYaml.Parse(path, text));
        var name = Path.GetFileNameWithoutExtension(path);
        try
        {
            Op op = TimeloopEinsum.Match(problem) switch
            {
                ConvEinsum conv => ToConv2d(name, conv),
                GemmEinsum gemm => new Gemm(name, gemm.M, gemm.N, gemm.K, []) { Batch = gemm.Batch },
                var other => throw new InvalidOperationException($"unhandled einsum {other}"),
            };
            if (op.Problem() is { } issue)
                throw problem.Instance.Error($"the {op.Kind} it describes cannot be built: {issue}", "check the instance sizes");
            return new Workload(name, [op]);
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            throw problem.Instance.Error($"the sizes are too large to count in 64 bits ({e.Message})", "use smaller sizes, or split the problem into several");
        }
    }

    private static Conv2d ToConv2d(string name, ConvEinsum conv)
    {
        var (w, h) = (conv.Width, conv.Height);
        return new Conv2d(name, IfmapH: h.Extent, IfmapW: w.Extent, FilterH: h.Filter, FilterW: w.Filter,
            Channels: checked(conv.Channels * conv.Groups), Filters: checked(conv.Filters * conv.Groups),
            Stride: h.Stride, Padding: h.Pad == w.Pad ? h.Pad : 0, Batch: conv.Batch, Inputs: [])
        {
            StrideW = w.Stride,
            DilationH = h.Dilation,
            DilationW = w.Dilation,
            Groups = conv.Groups,
            Pads = new ConvPads(Top: h.Pad, Left: w.Pad, Bottom: h.Pad, Right: w.Pad),
        };
    }
}
