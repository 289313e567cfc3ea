using System.Runtime.InteropServices;

namespace Sim.Arch.Native.Cpu;

/// <summary>
/// OpenBLAS loaded at run time with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>; its entry points are
/// called through unmanaged function pointers looked up with <see cref="NativeLibrary.TryGetExport"/>. (Not
/// <c>[LibraryImport]</c> + <c>SetDllImportResolver</c>: a resolver can be registered only once per assembly, so it
/// would collide with any other native binding in Sim.Arch, and a fixed import name could not be pointed at a bad
/// library in tests.) A missing library or symbol is a value with the fix, never an exception.
/// </summary>
public sealed unsafe class OpenBlasLibrary
{
    public const string DefaultName = "libopenblas.so.0";
    public const string InstallFix = "Fix: apt-get install libopenblas0-pthread";

    private const int RowMajor = 101;
    private const int NoTrans = 111;

    private readonly delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly delegate* unmanaged[Cdecl]<IntPtr> _corename;
    private readonly delegate* unmanaged[Cdecl]<IntPtr> _config;
    private readonly delegate* unmanaged[Cdecl]<int> _threads;

    private OpenBlasLibrary(IntPtr sgemm, IntPtr corename, IntPtr config, IntPtr threads)
    {
        _sgemm = (delegate* unmanaged[Cdecl]<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
        _corename = (delegate* unmanaged[Cdecl]<IntPtr>)corename;
        _config = (delegate* unmanaged[Cdecl]<IntPtr>)config;
        _threads = (delegate* unmanaged[Cdecl]<int>)threads;
    }

    /// <summary>
    /// The library, or why it could not be loaded (with the fix). The handle is never freed: OpenBLAS starts worker
    /// threads when it loads and unloading it under them can crash the process.
    /// </summary>
    public static (OpenBlasLibrary? Library, string? Unavailable) TryLoad(string name = DefaultName)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
            return (null, $"{name} could not be loaded. {InstallFix}");
        string[] symbols = ["cblas_sgemm", "openblas_get_corename", "openblas_get_config", "openblas_get_num_threads"];
        var exports = new IntPtr[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            if (!NativeLibrary.TryGetExport(handle, symbols[i], out exports[i]))
            {
                // Not freed: a library that loaded may already have started worker threads (see above).
                return (null, $"{name} loaded but has no {symbols[i]} (not OpenBLAS?). {InstallFix}");
            }
        }

        return (new OpenBlasLibrary(exports[0], exports[1], exports[2], exports[3]), null);
    }

    /// <summary>The kernel family OpenBLAS chose (autodetected, or forced by OPENBLAS_CORETYPE), e.g. "Cooperlake", "Haswell".</summary>
    public string CoreName => Marshal.PtrToStringUTF8(_corename()) ?? "";

    /// <summary>Build configuration string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64".</summary>
    public string Config => (Marshal.PtrToStringUTF8(_config()) ?? "").Trim();

    public int Threads => _threads();

    /// <summary>C[M,N] = A[M,K]·B[K,N], all row-major and contiguous.</summary>
    public void Sgemm(float* a, float* b, float* c, int m, int n, int k) =>
        _sgemm(RowMajor, NoTrans, NoTrans, m, n, k, 1f, a, k, b, n, 0f, c, n);
}
