namespace Sim.Explorer.Import.Timeloop;

/// <summary>
/// Reads the 'problem:' section of a Timeloop YAML file in its two forms: v0.4 (<c>problem: {version, shape, instance}</c>)
/// and the older one where the sizes sit directly under <c>problem:</c> and <c>shape:</c> may be a built-in shape's
/// name or absent (Timeloop then assumes its CNN layer). Checks the format only; what the einsum means is
/// <see cref="TimeloopEinsum"/>'s job.
/// </summary>
internal static class TimeloopProblemReader
{
    /// <summary>Other sections of a Timeloop spec that may share the file; only 'problem' is read.</summary>
    private static readonly string[] TopLevelKeys =
        ["problem", "architecture", "arch", "components", "compound_components", "constraints", "mapspace", "mapspace_constraints",
         "mapper", "mapping", "model", "sparse_optimizations", "variables", "globals"];

    private static readonly string[] SparseKeys = ["densities", "commonDensity"];

    public static TimeloopProblem Read(TimeloopYaml root)
    {
        root.AllowOnly(TopLevelKeys, "Sim reads the 'problem' section; the other Timeloop sections may stay in the file and are not read");
        var problem = root.Require("problem", "add the 'problem:' section (shape and instance) that Timeloop reads");
        var instance = problem.Find("instance");
        if (instance is not null)
            problem.AllowOnly(["version", "shape", "instance"], "a v0.4 problem holds version, shape and instance");
        if (problem.Find("version") is { } version && version.Text() is not ("0.4" or "0.3"))
            throw version.Error($"version '{version.Text()}' is not one Sim reads", "use Timeloop's problem format version 0.4 (or the older form without 'version')");

        var (shapeName, shape) = Shape(problem);
        var dimensions = Dimensions(shape);
        var coefficientDefaults = CoefficientDefaults(shape, dimensions);
        var dataSpaces = shape.Find("data_spaces", "data-spaces") ?? shape.Require("data_spaces", "list the tensors under 'data_spaces:' (name, projection, read_write)");
        var spaces = dataSpaces.Items().Select(s => DataSpace(s, dimensions, coefficientDefaults)).ToList();

        // Timeloop's older form puts the sizes straight under 'problem:' (next to 'shape:').
        var sizesNode = instance ?? problem;
        var reserved = instance is null ? new[] { "version", "shape" } : [];
        return ReadInstance(shapeName, shape, dimensions, spaces, coefficientDefaults, sizesNode, reserved);
    }

    private static (string Name, TimeloopYaml Node) Shape(TimeloopYaml problem)
    {
        var shape = problem.Find("shape");
        if (shape is null)
            return ("CNN-Layer", TimeloopBuiltInShapes.Find("cnn-layer")!); // Timeloop's own default when no shape is given
        if (!shape.IsMap)
        {
            var name = shape.Text();
            var builtIn = TimeloopBuiltInShapes.Find(name) ?? throw shape.Error($"'{name}' is not one of Timeloop's built-in shapes that Sim knows ({string.Join(", ", TimeloopBuiltInShapes.Names)})",
                "write the shape inline under 'shape:' (name, dimensions, coefficients, data_spaces), as in the shape's file in Timeloop's problem-shapes folder");
            return (builtIn.Find("name")!.Text(), builtIn);
        }

        shape.AllowOnly(["name", "dimensions", "coefficients", "data_spaces", "data-spaces"], "a shape holds name, dimensions, coefficients and data_spaces");
        return (shape.Find("name")?.Text() ?? "(unnamed shape)", shape);
    }

    private static List<string> Dimensions(TimeloopYaml shape)
    {
        var node = shape.Require("dimensions", "list the einsum's dimensions, e.g. 'dimensions: [M, N, K]'");
        var names = node.Items().Select(i => (Name: i.Text(), Node: i)).ToList();
        if (names.Count == 0)
            throw node.Error("the list is empty", "name at least one dimension");
        foreach (var group in names.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw group.Last().Node.Error($"dimension '{group.Key}' is listed twice", "list each dimension once");
        return [.. names.Select(n => n.Name)];
    }

    private static Dictionary<string, long> CoefficientDefaults(TimeloopYaml shape, List<string> dimensions)
    {
        var defaults = new Dictionary<string, long>(StringComparer.Ordinal);
        if (shape.Find("coefficients") is not { } list)
            return defaults;
        foreach (var item in list.Items())
        {
            item.AllowOnly(["name", "default"], "a coefficient holds a name and its default value");
            var name = item.Require("name", "give the coefficient a name, e.g. 'name: Wstride'");
            var value = item.Require("default", "give the coefficient's value when the instance does not set it, e.g. 'default: 1'").Positive();
            if (dimensions.Contains(name.Text()))
                throw name.Error($"'{name.Text()}' is both a dimension and a coefficient", "rename the coefficient");
            if (!defaults.TryAdd(name.Text(), value))
                throw name.Error($"coefficient '{name.Text()}' is declared twice", "declare each coefficient once");
        }

        return defaults;
    }

    private static TimeloopDataSpace DataSpace(TimeloopYaml node, List<string> dimensions, Dictionary<string, long> coefficients)
    {
        node.AllowOnly(["name", "projection", "read_write", "read-write"], "a data space holds name, projection and read_write");
        var name = node.Require("name", "name the tensor, e.g. 'name: Weights'").Text();
        var readWrite = node.Find("read_write", "read-write") is { } rw && Boolean(rw);
        var projection = node.Require("projection", "give the tensor's axes, e.g. 'projection: [[[M]], [[K]]]'");
        var axes = projection.Items().Select(axis =>
        {
            var terms = axis.Items();
            if (terms.Count == 0)
                throw axis.Error("an axis with no terms", "write each axis as a list of terms, e.g. [[P, Wstride], [R, Wdilation]]");
            return (IReadOnlyList<TimeloopTerm>)[.. terms.Select(t => Term(t, dimensions, coefficients))];
        }).ToList();
        if (axes.Count == 0)
            throw projection.Error("the projection is empty", "give the tensor at least one axis");
        return new TimeloopDataSpace(name, axes, readWrite, node);
    }

    /// <summary>[dim] or [dim, coefficient] (either order, as Timeloop reads it).</summary>
    private static TimeloopTerm Term(TimeloopYaml node, List<string> dimensions, Dictionary<string, long> coefficients)
    {
        const string Fix = "write a term as [dimension] or [dimension, coefficient], e.g. [P, Wstride]";
        if (!node.IsList)
            throw node.Error($"'{(node.IsMap ? "mapping" : node.Text())}' is not a term (a list)", Fix);
        var parts = node.Items().Select(p => p.Text()).ToList();
        var dims = parts.Where(dimensions.Contains).ToList();
        var coefs = parts.Where(coefficients.ContainsKey).ToList();
        if (parts.Count is < 1 or > 2 || dims.Count != 1 || coefs.Count != parts.Count - 1)
        {
            var unknown = parts.Where(p => !dimensions.Contains(p) && !coefficients.ContainsKey(p)).ToList();
            var why = unknown.Count > 0
                ? $"'{string.Join("', '", unknown)}' is neither a dimension ({string.Join(", ", dimensions)}) nor a declared coefficient"
                : $"[{string.Join(", ", parts)}] is not one dimension with at most one coefficient";
            throw node.Error(why, Fix);
        }

        return coefs.Count == 0 ? new TimeloopTerm(dims[0], null, 1) : new TimeloopTerm(dims[0], coefs[0], coefficients[coefs[0]]);
    }

    private static bool Boolean(TimeloopYaml node) => node.Text().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw node.Error($"'{node.Text()}' is not true or false", "write read_write: true for the output tensor"),
    };

    private static TimeloopProblem ReadInstance(string shapeName, TimeloopYaml shape, List<string> dimensions, List<TimeloopDataSpace> spaces,
        Dictionary<string, long> coefficientDefaults, TimeloopYaml node, string[] reserved)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var coefficients = new Dictionary<string, long>(coefficientDefaults, StringComparer.Ordinal);
        var extent = new Dictionary<string, (long, TimeloopYaml)>(StringComparer.Ordinal);
        var known = dimensions.Concat(coefficientDefaults.Keys).Concat(TimeloopProblem.InputExtentKeys).Concat(reserved).Concat(SparseKeys).ToList();
        node.AllowOnly(known, $"the instance gives a size to each dimension of shape '{shapeName}' ({string.Join(", ", dimensions)}) and may override its coefficients ({string.Join(", ", coefficientDefaults.Keys)})");
        foreach (var (key, value) in node.Entries())
        {
            if (SparseKeys.Contains(key))
                throw node.KeyError(key, "a sparse workload (tensor densities); Sim imports dense Timeloop problems only",
                    "remove the density section to import the dense problem (Sim's sparse models read Matrix Market matrices instead)");
            if (dimensions.Contains(key))
                sizes[key] = value.Positive();
            else if (coefficientDefaults.ContainsKey(key))
                coefficients[key] = value.Positive();
            else if (TimeloopProblem.InputExtentKeys.Contains(key))
                extent[key] = (key.EndsWith("pad", StringComparison.Ordinal) ? value.NonNegative() : value.Positive(), value);
        }

        var missing = dimensions.Where(d => !sizes.ContainsKey(d)).ToList();
        if (missing.Count > 0)
            throw node.Error($"no size for dimension{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} of shape '{shapeName}'",
                $"give every dimension a size ≥ 1, e.g. '{missing[0]}: 1'");

        // Coefficients inside terms were read with their defaults; give them the instance's values.
        var resolved = spaces.Select(s => s with
        {
            Axes = [.. s.Axes.Select(a => (IReadOnlyList<TimeloopTerm>)[.. a.Select(t => t.CoefficientName is { } c ? t with { Coefficient = coefficients[c] } : t)])],
        }).ToList();
        return new TimeloopProblem(shapeName, shape, dimensions, resolved, node, sizes, coefficients, extent);
    }
}
