using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Sim.Explorer.Plots;

/// <summary>Why a tensor occupies scratchpad space over a run of steps.</summary>
public enum MemoryBlockKind
{
    /// <summary>Kept on chip from the step it is produced or first loaded.</summary>
    Resident,

    /// <summary>Brought back from DRAM after a spill.</summary>
    Reloaded,

    /// <summary>An op's working space (tiles, partial sums) for the step it runs.</summary>
    Working,
}

/// <summary>One tensor in one address range over steps [<see cref="StartStep"/>, <see cref="EndStep"/>).</summary>
public sealed record MemoryBlock(string Tensor, int StartStep, int EndStep, long AddressBytes, long SizeBytes, MemoryBlockKind Kind);

/// <summary>
/// Memory over time of a scratchpad allocation: a rectangle per block in (step × address), coloured by kind —
/// reloaded (spilled and brought back) runs hatched — a dashed budget line, and the ops' names under their steps when
/// there are at most <see cref="MaxNamedSteps"/>. Neutral input, so any allocator's result can be drawn.
/// </summary>
public static class MemoryTimelinePlot
{
    public const int MaxNamedSteps = 40;

    private const int MaxLabelledBlocks = 60;

    /// <param name="streamedSteps">Steps whose op streams activations from/to DRAM (marked in a band above the budget:
    /// their traffic occupies no scratchpad address, so the blocks alone would hide it).</param>
    public static void Save(IReadOnlyList<MemoryBlock> blocks, long budgetBytes, IReadOnlyList<string> stepOps, string directory, string fileName, string title,
        IReadOnlyCollection<int>? streamedSteps = null)
    {
        using var plot = Build(blocks, budgetBytes, stepOps, title, streamedSteps);
        PlotStyle.Save(plot, directory, fileName);
    }

    internal static Plot Build(IReadOnlyList<MemoryBlock> blocks, long budgetBytes, IReadOnlyList<string> stepOps, string title,
        IReadOnlyCollection<int>? streamedSteps = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(stepOps);
        foreach (var b in blocks)
        {
            if (b.StartStep < 0 || b.EndStep <= b.StartStep || b.EndStep > stepOps.Count || b.AddressBytes < 0 || b.SizeBytes <= 0)
                throw new ArgumentException($"block '{b.Tensor}': steps [{b.StartStep}, {b.EndStep}) of {stepOps.Count}, {b.SizeBytes} B at {b.AddressBytes}: not a block of this timeline", nameof(blocks));
        }

        if (blocks.Count == 0)
            return PlotStyle.NoData(title);
        var plot = PlotStyle.NewPlot(title);
        var (unit, unitName) = Unit(Math.Max(budgetBytes, blocks.Max(b => b.AddressBytes + b.SizeBytes)));
        plot.YLabel($"scratchpad address ({unitName})");
        plot.XLabel(stepOps.Count <= MaxNamedSteps ? "op (schedule step)" : "schedule step");

        var kinds = Enum.GetValues<MemoryBlockKind>();
        foreach (var b in blocks)
        {
            var rectangle = plot.Add.Rectangle(b.StartStep, b.EndStep, b.AddressBytes / unit, (b.AddressBytes + b.SizeBytes) / unit);
            rectangle.FillStyle.Color = Colour(b.Kind).WithAlpha(b.Kind == MemoryBlockKind.Reloaded ? 0.35 : 0.75);
            if (b.Kind == MemoryBlockKind.Reloaded)
            {
                rectangle.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
                rectangle.FillStyle.HatchColor = Colour(b.Kind);
            }

            rectangle.LineStyle.Color = Colors.Black.WithAlpha(0.6);
            rectangle.LineStyle.Width = 1;
            if (blocks.Count <= MaxLabelledBlocks)
            {
                var label = plot.Add.Text(b.Tensor, (b.StartStep + b.EndStep) / 2.0, (b.AddressBytes + (b.SizeBytes / 2.0)) / unit);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 11;
            }
        }

        if (budgetBytes > 0)
        {
            var budget = plot.Add.HorizontalLine(budgetBytes / unit);
            budget.LineColor = Colors.Red;
            budget.LinePattern = LinePattern.Dashed;
            budget.LineWidth = 2;
            budget.LegendText = string.Create(CultureInfo.InvariantCulture, $"budget {budgetBytes / unit:0.##} {unitName}");
        }

        foreach (var kind in kinds.Where(k => blocks.Any(b => b.Kind == k)))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = kind.ToString().ToLowerInvariant(),
                FillColor = Colour(kind).WithAlpha(kind == MemoryBlockKind.Reloaded ? 0.35 : 0.75),
                FillHatch = kind == MemoryBlockKind.Reloaded ? new ScottPlot.Hatches.Striped() : null,
                FillHatchColor = Colour(kind),
            });
        }

        var top = Math.Max(budgetBytes, blocks.Max(b => b.AddressBytes + b.SizeBytes)) / unit;
        if (streamedSteps is { Count: > 0 })
        {
            foreach (var step in streamedSteps.Where(s => s >= 0 && s < stepOps.Count).Order())
            {
                var band = plot.Add.Rectangle(step, step + 1, top * 1.02, top * 1.07);
                band.FillStyle.Color = Colors.MediumPurple.WithAlpha(0.8);
                band.LineStyle.Width = 0;
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "op streams via DRAM", FillColor = Colors.MediumPurple.WithAlpha(0.8) });
        }

        plot.ShowLegend(Edge.Right);
        if (stepOps.Count <= MaxNamedSteps)
        {
            plot.Axes.Bottom.TickGenerator = new NumericManual(
                stepOps.Select((_, i) => i + 0.5).ToArray(), [.. stepOps]);
            plot.Axes.Bottom.TickLabelStyle.Rotation = stepOps.Count > 8 ? -45 : 0;
            plot.Axes.Bottom.TickLabelStyle.Alignment = stepOps.Count > 8 ? Alignment.MiddleRight : Alignment.UpperCenter;
        }

        plot.Axes.SetLimits(0, stepOps.Count, 0, top * 1.08);
        return plot;
    }

    private static Color Colour(MemoryBlockKind kind) => kind switch
    {
        MemoryBlockKind.Resident => Colors.SteelBlue,
        MemoryBlockKind.Reloaded => Colors.DarkOrange,
        MemoryBlockKind.Working => Colors.SeaGreen,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>KiB below a MiB of address space, MiB above.</summary>
    private static (double Bytes, string Name) Unit(long maxBytes) => maxBytes >= 1 << 20 ? (1 << 20, "MiB") : (1024, "KiB");
}
