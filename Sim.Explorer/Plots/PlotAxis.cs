using ScottPlot;
using ScottPlot.TickGenerators;

namespace Sim.Explorer.Plots;

/// <summary>
/// How one plot axis shows a metric: linear (SI-suffixed tick labels), or (values spanning more than a decade, all
/// positive) the log of the value with <see cref="LogTicks"/> labels in the untransformed values — log2 when every value
/// is a power of two. A decade, not two: a Pareto knee of a 20× spread squeezed into a linear axis's corner is unreadable.
/// </summary>
public sealed record PlotAxis(bool Log, bool Base2)
{
    public const double LogSpanRatio = 10;

    public static PlotAxis For(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var positive = values.Count > 0 && values.All(v => v > 0);
        if (!positive || values.Max() / values.Min() <= LogSpanRatio)
            return new PlotAxis(false, false);
        return new PlotAxis(true, values.All(v => Math.Abs(Math.Log2(v) - Math.Round(Math.Log2(v))) < 1e-9));
    }

    /// <summary>A linear tick's label: SI-suffixed from a thousand up ("50G", not "50,000,000,000"), else 4 significant digits.</summary>
    public static string LinearLabel(double value) =>
        Math.Abs(value) >= 1000 ? LogTicks.FormatSi(value) : value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    public bool CanShow(double value) => !Log || value > 0;

    public double Transform(double value) => !Log ? value : Base2 ? Math.Log2(value) : Math.Log10(value);

    /// <summary>Limits padded so the outermost markers are not cut by the frame, and log tick labels.</summary>
    public void Apply(Plot plot, bool horizontal, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(values);
        double low = values.Min(Transform), high = values.Max(Transform);
        // A linear axis whose values are all equal (an objective that is 0 everywhere) gets a unit-sized span, not ±1e-12.
        double pad = Log ? (Base2 ? 0.5 : Math.Max(0.1, (high - low) * 0.05))
            : high > low ? Math.Max((high - low) * 0.05, (Math.Abs(high) * 0.01) + 1e-12) : Math.Max(Math.Abs(high) * 0.1, 1);
        if (horizontal)
            plot.Axes.SetLimitsX(low - pad, high + pad);
        else
            plot.Axes.SetLimitsY(low - pad, high + pad);
        var axis = horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        axis.TickGenerator = Log
            ? new NumericManual(Base2 ? LogTicks.Log2(low - pad, high + pad) : LogTicks.Log10(low - pad, high + pad))
            : new NumericAutomatic { LabelFormatter = LinearLabel };
    }
}
