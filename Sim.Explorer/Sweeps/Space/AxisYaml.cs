using System.Globalization;
using Sim.Core.Config;
using Sim.Core.Hardware;

namespace Sim.Explorer.Sweeps.Space;

/// <summary>
/// Reads a spec's <c>axes:</c> into a <see cref="DesignSpace"/>. Each numeric axis is a list (file order, duplicates
/// rejected) or a range: <c>{min, max, step}</c> (min, min+step, … ≤ max), <c>{min, max, scale: log2}</c> (the powers of
/// two from min to max) or <c>{min, max}</c> (continuous; real-valued axes only). Dataflow, PE variant and tile axes are
/// lists. Validation happens here, before any point runs.
/// </summary>
public static class AxisYaml
{
    /// <summary>A range expanding to more values than this is a mistake (a step meant for another unit), not a sweep.</summary>
    public const int MaxRangeValues = 100_000;

    private static readonly string[] s_shapeSides = ["rows", "cols"];

    /// <summary>
    /// min, min + step, … ≤ max. In decimal when the numbers fit it comfortably: the parsed values (15 significant
    /// digits) are exact there, so {min: 0.1, max: 0.7, step: 0.1} gives 0.3, not 0.30000000000000004, and ends at exactly
    /// 0.7 (values feed point ids, p.* columns and constraints). Outside 1e-20 … 1e20 (where decimal would round a step to
    /// 0 or overflow) in doubles, with a 1e-9-step slack on the count.
    /// </summary>
    private static List<double> StepValues(double min, double max, double step)
    {
        static bool Fits(double v) => v == 0 || Math.Abs(v) is >= 1e-20 and <= 1e20;
        if (Fits(min) && Fits(max) && Fits(step))
        {
            decimal dMin = (decimal)min, dStep = (decimal)step;
            var steps = (int)decimal.Floor(((decimal)max - dMin) / dStep);
            return [.. Enumerable.Range(0, steps + 1).Select(i => (double)(dMin + (i * dStep)))];
        }

        var count = (int)Math.Floor(((max - min) / step) + 1e-9);
        return [.. Enumerable.Range(0, count + 1).Select(i => min + (i * step))];
    }

    public static DesignSpace Read(YamlMap? axes, ArchSpec baseArch)
    {
        ArgumentNullException.ThrowIfNull(baseArch);
        if (axes is null)
            return new DesignSpace(baseArch, []);
        axes.AllowOnly(AxisCatalog.Order);
        var list = new List<SpaceAxis>();
        list.AddRange(TileAxes(axes, baseArch.Tile));
        if (axes.Has("pe_variant"))
            list.Add(new("pe_variant", Names<PeVariant>(axes, "pe_variant", t => PeVariantNames.TryParse(t, out var v) ? v : null, "use mac, bitweight or ent"),
                AxisCatalog.ApplyPeVariant));
        foreach (var definition in AxisCatalog.Numeric.Where(d => d.Name is not ("rows" or "cols") && axes.Has(d.Name)))
            list.Add(Numeric(axes, definition));
        return new DesignSpace(baseArch, list);
    }

    /// <summary>The keys of the axes that are continuous ranges (only random/lhs sampling may use them).</summary>
    public static IEnumerable<string> ContinuousKeys(YamlMap? axes) =>
        axes is null ? [] : AxisCatalog.Numeric.Where(d => axes.HasMap(d.Name) && IsContinuous(axes.RequireMap(d.Name))).Select(d => d.Name);

    private static bool IsContinuous(YamlMap range) => !range.Has("step") && !range.Has("scale");

    /// <summary>A <c>tile:</c> list of whole tiles; or rows / cols / dataflow on a systolic base; or nothing.</summary>
    private static IEnumerable<SpaceAxis> TileAxes(YamlMap axes, TileSpec baseTile)
    {
        var shapeAxis = AxisCatalog.SystolicShapeAxes.FirstOrDefault(axes.Has);
        if (axes.Has(AxisCatalog.Tile))
        {
            if (shapeAxis is not null)
                throw axes.ErrorAt(shapeAxis, $"'{shapeAxis}' cannot be combined with a 'tile' axis, which lists whole tiles", $"drop '{shapeAxis}' or put the shapes into the 'tile' list");
            if (axes.HasMap(AxisCatalog.Tile))
                throw axes.ErrorAt(AxisCatalog.Tile, "'tile' takes a list of whole tiles, not a range", "write - {kind: systolic, rows: 16, cols: 16, dataflow: ws} items");
            var tiles = new List<object>();
            foreach (var item in axes.RequireMapList(AxisCatalog.Tile))
            {
                var tile = TileSpecReaders.Read(item);
                if (tiles.Contains(tile))
                    throw SimInputException.At(item.File, item.Line, item.Column, item.Path, $"the tile '{TileGrid.Of(tile).Label}' is listed twice", "list each tile once");
                tiles.Add(tile);
            }

            yield return new(AxisCatalog.Tile, new DiscreteDomain(tiles), AxisCatalog.ApplyTile);
            yield break;
        }

        if (shapeAxis is null)
            yield break;
        if (baseTile is not SystolicSpec)
            throw axes.ErrorAt(shapeAxis, $"'{shapeAxis}' sweeps a systolic base tile, but the base tile is a '{baseTile.Kind}'", "list the tiles in a 'tile' axis instead");
        foreach (var name in s_shapeSides.Where(axes.Has))
            yield return Numeric(axes, AxisCatalog.FindNumeric(name)!);
        if (axes.Has("dataflow"))
            yield return new("dataflow", Names<Dataflow>(axes, "dataflow", t => DataflowNames.TryParse(t, out var d) ? d : null, "use os, ws or is"), AxisCatalog.ApplyDataflow);
    }

    private static DiscreteDomain Names<T>(YamlMap axes, string key, Func<string, T?> parse, string fix)
        where T : struct
    {
        if (axes.HasMap(key))
            throw axes.ErrorAt(key, $"'{key}' takes a list of names, not a range", $"write a list; {fix}");
        var values = new List<object>();
        foreach (var (text, line, column) in axes.RequireScalarList(key))
        {
            var value = parse(text) ?? throw SimInputException.At(axes.File, line, column, axes.FieldPath(key), $"'{text}' is not a valid value", fix);
            if (values.Contains(value))
                throw SimInputException.At(axes.File, line, column, axes.FieldPath(key), $"'{text}' is listed twice", "list each value once");
            values.Add(value);
        }

        return new DiscreteDomain(values);
    }

    private static SpaceAxis Numeric(YamlMap axes, AxisDefinition definition)
    {
        var key = definition.Name;
        AxisDomain domain = axes.HasMap(key) ? Range(axes.RequireMap(key), definition) : List(axes, definition);
        return new SpaceAxis(key, domain, definition.Apply);
    }

    private static DiscreteDomain List(YamlMap axes, AxisDefinition definition)
    {
        var key = definition.Name;
        var values = new List<object>();
        foreach (var (text, line, column) in axes.RequireScalarList(key))
        {
            var value = Parse(text, definition.Kind);
            if (value is null || !definition.IsValid(ToDouble(value)))
                throw SimInputException.At(axes.File, line, column, axes.FieldPath(key), $"'{text}' is not a valid value", definition.Fix);
            if (values.Contains(value))
                throw SimInputException.At(axes.File, line, column, axes.FieldPath(key), $"'{text}' is listed twice", "list each value once");
            values.Add(value);
        }

        return new DiscreteDomain(values);
    }

    private static AxisDomain Range(YamlMap range, AxisDefinition definition)
    {
        range.AllowOnly("min", "max", "step", "scale");
        var integer = definition.Kind == AxisValueKind.Integer;
        var min = Bound(range, "min", definition);
        var max = Bound(range, "max", definition);
        if (min > max)
            throw range.ErrorAt("min", $"min {Text(min)} is greater than max {Text(max)}", "swap them, or make min ≤ max");
        if (range.Has("step") && range.Has("scale"))
            throw range.ErrorAt("scale", "a range has either a step or 'scale: log2', not both", "drop one of them");

        List<double> values;
        if (range.Has("scale"))
        {
            var scale = range.RequireString("scale");
            if (scale != "log2")
                throw range.ErrorAt("scale", $"unknown scale '{scale}'", "use 'scale: log2' (powers of two), or a step");
            int lo = PowerOfTwoExponent(range, "min", min), hi = PowerOfTwoExponent(range, "max", max);
            values = [.. Enumerable.Range(lo, hi - lo + 1).Select(e => Math.ScaleB(1.0, e))];
        }
        else if (range.Has("step"))
        {
            var stepText = range.RequireString("step");
            var step = double.TryParse(stepText, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) ? s
                : throw range.ErrorAt("step", $"'{stepText}' is not a number", "write a positive step such as 8");
            if (step <= 0)
                throw range.ErrorAt("step", $"step {stepText} is not positive", "use a step > 0 (min, min+step, … ≤ max)");
            if (integer && step != Math.Floor(step))
                throw range.ErrorAt("step", $"'{definition.Name}' takes whole numbers, so its step must be one (not {stepText})", "use a whole-number step such as 8");
            if ((max - min) / step + 1 > MaxRangeValues)
                throw range.ErrorAt("step", $"the range has {Math.Floor((max - min) / step) + 1:0} values (more than {MaxRangeValues})", "use a larger step or 'scale: log2'");
            values = StepValues(min, max, step);
        }
        else
        {
            if (integer)
                throw SimInputException.At(range.File, range.Line, range.Column, range.Path, $"'{definition.Name}' takes whole numbers, so a range needs a step or 'scale: log2'",
                    "add 'step: N' or 'scale: log2' (only real-valued axes such as dram_bandwidth_bytes_per_cycle may be continuous)");
            return new ContinuousDomain(min, max);
        }

        foreach (var v in values.Where(v => !definition.IsValid(v)))
            throw SimInputException.At(range.File, range.Line, range.Column, range.Path, $"the range gives {Text(v)}, which is not a valid value", definition.Fix);
        return new DiscreteDomain([.. values.Select(v => integer ? (object)(long)v : v)]);
    }

    private static double Bound(YamlMap range, string key, AxisDefinition definition)
    {
        var text = range.RequireString(key);
        var value = Parse(text, definition.Kind) ?? throw range.ErrorAt(key, $"'{text}' is not a valid {key}",
            definition.Kind == AxisValueKind.Integer ? "write a whole number" : "write a number");
        var v = ToDouble(value);
        return definition.IsValid(v) ? v : throw range.ErrorAt(key, $"{key} {text} is not a valid value", definition.Fix);
    }

    private static int PowerOfTwoExponent(YamlMap range, string key, double value)
    {
        var exponent = Math.Log2(value);
        return value > 0 && exponent == Math.Round(exponent) && Math.ScaleB(1.0, (int)exponent) == value
            ? (int)exponent
            : throw range.ErrorAt(key, $"{key} {Text(value)} is not a power of two, which 'scale: log2' needs", "use powers of two such as 4 and 256, or a step");
    }

    private static object? Parse(string text, AxisValueKind kind) => kind == AxisValueKind.Integer
        ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    private static double ToDouble(object value) => value is long l ? l : (double)value;

    private static string Text(double v) => v.ToString(CultureInfo.InvariantCulture);
}
