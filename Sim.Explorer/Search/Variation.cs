namespace Sim.Explorer.Search;

/// <summary>
/// NSGA-II's variation operators on genes in the unit interval: simulated binary crossover (SBX, Deb &amp; Agrawal 1995)
/// and polynomial mutation (Deb &amp; Goyal 1996), both in their bounded forms so children stay in [0, 1).
/// </summary>
public static class Variation
{
    /// <summary>The largest double below 1: genes are half-open so decoding ⌊u·n⌋ always lands on a valid index.</summary>
    public const double MaxGene = 1 - 1e-12;

    public static (double[] A, double[] B) Crossover(double[] parentA, double[] parentB, double eta, Random random)
    {
        ArgumentNullException.ThrowIfNull(parentA);
        ArgumentNullException.ThrowIfNull(parentB);
        ArgumentNullException.ThrowIfNull(random);
        var a = (double[])parentA.Clone();
        var b = (double[])parentB.Clone();
        for (int i = 0; i < a.Length; i++)
        {
            // Each gene is crossed with probability 1/2 (the usual SBX convention) and when the parents differ.
            if (random.NextDouble() > 0.5 || Math.Abs(a[i] - b[i]) < 1e-14)
                continue;
            double y1 = Math.Min(a[i], b[i]), y2 = Math.Max(a[i], b[i]);
            double u = random.NextDouble();
            double c1 = 0.5 * (y1 + y2 - Spread(y1, y2, y1, eta, u) * (y2 - y1));
            double c2 = 0.5 * (y1 + y2 + Spread(y1, y2, 1 - y2, eta, u) * (y2 - y1));
            c1 = Clamp(c1);
            c2 = Clamp(c2);
            if (random.NextDouble() <= 0.5)
                (c1, c2) = (c2, c1);
            a[i] = c1;
            b[i] = c2;
        }

        return (a, b);
    }

    /// <summary>Bounded SBX spread factor β_q for a parent pair whose nearer bound is <paramref name="room"/> away.</summary>
    private static double Spread(double y1, double y2, double room, double eta, double u)
    {
        double beta = 1 + 2 * room / (y2 - y1);
        double alpha = 2 - Math.Pow(beta, -(eta + 1));
        return u <= 1 / alpha
            ? Math.Pow(u * alpha, 1 / (eta + 1))
            : Math.Pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    public static void Mutate(double[] genes, double probability, double eta, Random random)
    {
        ArgumentNullException.ThrowIfNull(genes);
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < genes.Length; i++)
        {
            if (random.NextDouble() >= probability)
                continue;
            double y = genes[i];
            double u = random.NextDouble();
            double power = 1 / (eta + 1);
            double delta = u < 0.5
                ? Math.Pow(2 * u + (1 - 2 * u) * Math.Pow(1 - y, eta + 1), power) - 1
                : 1 - Math.Pow(2 * (1 - u) + 2 * (u - 0.5) * Math.Pow(y, eta + 1), power);
            genes[i] = Clamp(y + delta);
        }
    }

    private static double Clamp(double gene) => Math.Clamp(gene, 0, MaxGene);
}
