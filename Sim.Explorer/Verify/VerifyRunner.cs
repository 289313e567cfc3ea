using Sim.Arch.Native;

namespace Sim.Explorer.Verify;

/// <summary>The outcome of a verify run: every check (skipped ones included, for the counts) and the targets seen.</summary>
public sealed record VerifyReport(IReadOnlyList<VerifyCheck> Checks, IReadOnlyList<NativeTargetProbe> Probes)
{
    /// <summary>The rows the table and CSV show: everything but the skipped (unsupported) native runs.</summary>
    public IReadOnlyList<VerifyCheck> Rows => [.. Checks.Where(c => c.Status != VerifyStatus.Skipped)];

    public int Compared => Checks.Count(c => c.Status is VerifyStatus.Ok or VerifyStatus.Mismatch);

    public int Mismatches => Checks.Count(c => c.Status == VerifyStatus.Mismatch);

    public int Skipped => Checks.Count(c => c.Status == VerifyStatus.Skipped);

    /// <summary>"N checks, N mismatches, targets: a, b; unavailable: c (why)".</summary>
    public string Summary()
    {
        var found = Probes.Where(p => p.Target is not null).Select(p => p.Name).ToList();
        var missing = Probes.Where(p => p.Target is null).Select(p => $"{p.Name} ({p.Unavailable})").ToList();
        var targets = found.Count == 0 ? "none" : string.Join(", ", found);
        var text = $"{Compared} checks, {Mismatches} mismatches, targets: {targets}";
        if (missing.Count > 0)
            text += $"; unavailable: {string.Join(", ", missing)}";
        if (Skipped > 0)
            text += $"; {Skipped} native runs skipped (kernel or size not supported by the target)";
        return text;
    }
}

public static class VerifyRunner
{
    /// <summary>Runs every case on every available target; unavailable targets become one row each, not failures.</summary>
    public static VerifyReport Run(IReadOnlyList<IVerifyCase> cases, IReadOnlyList<NativeTargetProbe> probes, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(probes);
        var targets = probes.Where(p => p.Target is not null).Select(p => p.Target!).ToList();
        var checks = new List<VerifyCheck>();
        checks.AddRange(probes.Where(p => p.Target is null).Select(p =>
            new VerifyCheck("-", "native", p.Name, double.NaN, double.NaN, double.NaN, VerifyStatus.Unavailable, p.Unavailable ?? "")));
        foreach (var c in cases)
        {
            progress?.Invoke(c.Name);
            checks.AddRange(c.Run(targets));
        }

        return new(checks, probes);
    }
}
