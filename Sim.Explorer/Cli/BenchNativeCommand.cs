using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sim.Arch.Native.Cpu;
using Sim.Core.Config;
using Sim.Explorer.Bench;
using Spectre.Console;

namespace Sim.Explorer.Cli;

/// <summary>
/// <c>sim bench native</c>: our CPU kernels' speed on this machine, fp32 GEMM side by side with OpenBLAS in the same run
/// (ratio ours/OpenBLAS), plus int8 GEMM, fused attention and SpGEMM on one fixed case each. Prints what decides the
/// comparison: the CPU, our vector path, threads, OPENBLAS_CORETYPE and the kernel OpenBLAS picked.
/// </summary>
public static class BenchNativeCommand
{
    /// <summary>Largest square size: 16384² fp32 operands are 1 GiB each; int8 K stays below 2^17.</summary>
    private const int MaxSize = 16384;

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var sizes = new Option<string>("--sizes") { Description = "Square fp32 GEMM sizes, comma-separated", DefaultValueFactory = _ => "1024,2048" };
        var reps = new Option<int>("--reps") { Description = "Timed repetitions per kernel after one warm-up (best and median reported)", DefaultValueFactory = _ => 7 };
        var int8Size = new Option<int>("--int8-size") { Description = "Square int8 GEMM size", DefaultValueFactory = _ => 1024 };
        var library = new Option<string?>("--openblas-library")
        {
            Description = $"OpenBLAS shared library to load (default {OpenBlasLibrary.DefaultName}; without it ours is timed alone; a library named here must load)",
        };
        var command = new Command("native", "Time the native CPU kernels: fp32 GEMM vs OpenBLAS (same run), int8 GEMM, attention, SpGEMM")
        {
            json, sizes, reps, int8Size, library,
        };
        command.SetAction(parse =>
        {
            var named = parse.GetValue(library);
            var options = new NativeBenchOptions(ParseSizes(parse.GetValue(sizes) ?? ""), Positive(parse.GetValue(reps), "--reps"),
                Int8Size(parse.GetValue(int8Size)), named ?? OpenBlasLibrary.DefaultName);
            // The default library may be absent (ours is then timed alone); one the user named must load, or a typo would
            // quietly turn the comparison into ours only.
            if (named is not null && OpenBlasTarget.Probe(named) is { Target: null } missing)
            {
                context.Error.WriteLine($"error: --openblas-library: {missing.Unavailable}");
                return ExitCodes.Unavailable;
            }

            var coreType = context.Environment is { } environment
                ? environment.GetValueOrDefault("OPENBLAS_CORETYPE")
                : Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
            var report = NativeBench.Run(options, coreType);
            if (parse.GetValue(json))
                context.Out.WriteLine(Json(report));
            else
                Print(context, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>"1024,2048" → [1024, 2048]; anything else is an input error naming the flag.</summary>
    public static IReadOnlyList<int> ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > MaxSize)
                throw new SimInputException($"--sizes: '{part}' is not a size from 1 to {MaxSize}. Fix: e.g. --sizes 1024,2048");
            sizes.Add(size);
        }

        return sizes.Count > 0 ? sizes : throw new SimInputException("--sizes: no size given. Fix: e.g. --sizes 1024,2048");
    }

    /// <summary>K must stay exact in int32 (&lt; 2^17) and the square operands must fit an array (the fp32 sizes' cap).</summary>
    private static int Int8Size(int value) =>
        value is >= 1 and <= MaxSize ? value
            : throw new SimInputException($"--int8-size: {value} must be from 1 to {MaxSize}. Fix: e.g. --int8-size 1024");

    private static int Positive(int value, string flag) =>
        value >= 1 ? value : throw new SimInputException($"{flag}: {value} must be at least 1. Fix: give a positive integer");

    private static void Print(CliContext context, NativeBenchReport report)
    {
        var c = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"cpu: {report.Cpu}; ours: {report.Isa}, {report.Threads} threads");
        context.Out.WriteLine($"OPENBLAS_CORETYPE={report.CoreTypeEnvironment ?? "(unset)"}; " + (report.OpenBlasMissing is { } missing
            ? $"openblas: not available ({missing}); timing ours only"
            : $"openblas core: {report.OpenBlasCore}, {report.OpenBlasThreads} threads, config: {report.OpenBlasConfig}"));
        var table = new Table().AddColumn("kernel").AddColumn("target").AddColumn("shape")
            .AddColumn(new TableColumn("best GOP/s").RightAligned()).AddColumn(new TableColumn("median GOP/s").RightAligned())
            .AddColumn(new TableColumn("best ms").RightAligned());
        var timings = report.Gemm.SelectMany(g => g.OpenBlas is null ? [g.Ours] : new[] { g.Ours, g.OpenBlas })
            .Append(report.Int8).Append(report.Attention).Append(report.SpGemm);
        foreach (var t in timings)
            table.AddRow(t.Kernel, t.Target, Markup.Escape(t.Shape), Rate(t.BestGops), Rate(t.MedianGops), (t.BestSeconds * 1e3).ToString("0.00", c));
        Terminal.Render(context, table);
        foreach (var g in report.Gemm.Where(g => g.BestRatio is not null))
            context.Out.WriteLine(string.Create(c,
                $"fp32 gemm {g.Size}³: ours/openblas = {g.BestRatio:0.00}x best, {g.MedianRatio:0.00}x median (max |ours − openblas| = {g.MaxAbsDifference:0.0e0})"));
        context.Out.WriteLine("GOP/s: 2 per multiply-accumulate (GEMM, attention QKᵀ and PV on unmasked scores); SpGEMM: multiplications");
    }

    /// <summary>One decimal for fast kernels, three decimals for slow ones (SpGEMM runs at a few hundredths of a GOP/s).</summary>
    private static string Rate(double gops) => gops.ToString(gops >= 10 ? "0.0" : "0.000", CultureInfo.InvariantCulture);

    private static string Json(NativeBenchReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("cpu", report.Cpu);
            json.WriteString("isa", report.Isa);
            json.WriteNumber("threads", report.Threads);
            WriteOptional(json, "openblas_coretype_env", report.CoreTypeEnvironment);
            WriteOptional(json, "openblas_core", report.OpenBlasCore);
            WriteOptional(json, "openblas_config", report.OpenBlasConfig);
            WriteOptional(json, "openblas_missing", report.OpenBlasMissing);
            json.WriteStartArray("gemm_f32");
            foreach (var g in report.Gemm)
            {
                json.WriteStartObject();
                json.WriteNumber("size", g.Size);
                Timing(json, "cpu", g.Ours);
                if (g.OpenBlas is not null)
                {
                    Timing(json, "openblas", g.OpenBlas);
                    json.WriteNumber("ratio_best", g.BestRatio!.Value);
                    json.WriteNumber("ratio_median", g.MedianRatio!.Value);
                    json.WriteNumber("max_abs_difference", g.MaxAbsDifference!.Value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            Timing(json, "gemm_int8", report.Int8);
            Timing(json, "attention", report.Attention);
            Timing(json, "spgemm", report.SpGemm);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

    private static void Timing(Utf8JsonWriter json, string name, NativeTiming t)
    {
        json.WriteStartObject(name);
        json.WriteString("shape", t.Shape);
        json.WriteNumber("operations", t.Operations);
        json.WriteNumber("best_seconds", t.BestSeconds);
        json.WriteNumber("median_seconds", t.MedianSeconds);
        json.WriteNumber("best_gops", t.BestGops);
        json.WriteNumber("median_gops", t.MedianGops);
        json.WriteEndObject();
    }
}
