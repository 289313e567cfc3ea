using System.Globalization;
using CsCheck;
using Sim.Core.Reference;
using Sim.Core.Workloads;
using Sim.Explorer.Import.Timeloop;

namespace Sim.Explorer.Tests.Import.Timeloop;

/// <summary>
/// The imported Conv2d computes the same numbers as the Timeloop einsum it came from: the einsum is evaluated here by
/// brute force straight from its projections (Outputs[n,g,m,q,p] += Weights[c,m,r,s,g]·Inputs[n,c,r·Wdil + p·Wstr,
/// s·Hdil + q·Hstr, g]), the Conv2d by Sim's direct-convolution oracle; neither shares indexing with the importer.
/// </summary>
public class TimeloopEinsumOracleTests
{
    private const string Shape = """
        problem:
          version: 0.4
          shape:
            name: grouped_cnn
            dimensions: [C, M, R, S, N, P, Q, G]
            coefficients: [{name: Wstride, default: 1}, {name: Hstride, default: 1}, {name: Wdilation, default: 1}, {name: Hdilation, default: 1}]
            data_spaces:
              - {name: Weights, projection: [[[C]], [[M]], [[R]], [[S]], [[G]]]}
              - {name: Inputs, projection: [[[N]], [[C]], [[R, Wdilation], [P, Wstride]], [[S, Hdilation], [Q, Hstride]], [[G]]]}
              - {name: Outputs, projection: [[[N]], [[M]], [[Q]], [[P]], [[G]]], read_write: true}
          instance:
        """;

    [Fact]
    public void Imported_conv_computes_the_timeloop_einsum()
    {
        var sizes = Gen.Int[1, 3].Array[8];   // C M R S N P Q G
        var coefficients = Gen.Int[1, 2].Array[4]; // Wstride Hstride Wdilation Hdilation
        Gen.Select(sizes, coefficients, Gen.Int).Sample((d, k, seed) => Agrees(d, k, seed));
    }

    private static bool Agrees(int[] d, int[] k, int seed)
    {
        var (c, m, r, s, n, p, q, g) = (d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
        var (wstr, hstr, wdil, hdil) = (k[0], k[1], k[2], k[3]);
        var instance = string.Create(CultureInfo.InvariantCulture,
            $"    {{C: {c}, M: {m}, R: {r}, S: {s}, N: {n}, P: {p}, Q: {q}, G: {g}, Wstride: {wstr}, Hstride: {hstr}, Wdilation: {wdil}, Hdilation: {hdil}}}\n");
        var conv = Assert.IsType<Conv2d>(Assert.Single(TimeloopProblemImporter.Parse("t.yaml", Shape + instance).Ops));

        // Tensors in the einsum's own index space; x and y are the two sliding axes' extents.
        int x = ((p - 1) * wstr) + ((r - 1) * wdil) + 1, y = ((q - 1) * hstr) + ((s - 1) * hdil) + 1;
        var random = new Random(seed);
        var weights = new sbyte[c, m, r, s, g];
        var inputs = new sbyte[n, c, x, y, g];
        Fill(weights, random);
        Fill(inputs, random);
        var outputs = new int[n, m, q, p, g];
        for (var ni = 0; ni < n; ni++)
            for (var gi = 0; gi < g; gi++)
                for (var mi = 0; mi < m; mi++)
                    for (var ci = 0; ci < c; ci++)
                        for (var ri = 0; ri < r; ri++)
                            for (var si = 0; si < s; si++)
                                for (var pi = 0; pi < p; pi++)
                                    for (var qi = 0; qi < q; qi++)
                                        outputs[ni, mi, qi, pi, gi] += weights[ci, mi, ri, si, gi] * inputs[ni, ci, (ri * wdil) + (pi * wstr), (si * hdil) + (qi * hstr), gi];

        // Sim's layouts: NHWC input (channel g·C + c, height = y, width = x), HWIO weights, NHWC output (filter g·M + m).
        var nhwc = new sbyte[n * y * x * c * g];
        for (var ni = 0; ni < n; ni++)
            for (var yi = 0; yi < y; yi++)
                for (var xi = 0; xi < x; xi++)
                    for (var gi = 0; gi < g; gi++)
                        for (var ci = 0; ci < c; ci++)
                            nhwc[((ni * y + yi) * x + xi) * c * g + (gi * c) + ci] = inputs[ni, ci, xi, yi, gi];
        var hwio = new sbyte[s * r * c * m * g];
        for (var si = 0; si < s; si++)
            for (var ri = 0; ri < r; ri++)
                for (var ci = 0; ci < c; ci++)
                    for (var gi = 0; gi < g; gi++)
                        for (var mi = 0; mi < m; mi++)
                            hwio[((si * r + ri) * c + ci) * m * g + (gi * m) + mi] = weights[ci, mi, ri, si, gi];

        var actual = ReferenceConv2d.Int8(conv, nhwc, hwio);
        for (var ni = 0; ni < n; ni++)
            for (var qi = 0; qi < q; qi++)
                for (var pi = 0; pi < p; pi++)
                    for (var gi = 0; gi < g; gi++)
                        for (var mi = 0; mi < m; mi++)
                        {
                            if (actual[((ni * q + qi) * p + pi) * m * g + (gi * m) + mi] != outputs[ni, mi, qi, pi, gi])
                                return false;
                        }

        return actual.Length == n * q * p * m * g;
    }

    private static void Fill(Array array, Random random)
    {
        var values = new sbyte[array.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = (sbyte)random.Next(-8, 9);
        Buffer.BlockCopy(values, 0, array, 0, values.Length);
    }
}
