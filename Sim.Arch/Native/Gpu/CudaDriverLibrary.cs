using System.Reflection;
using System.Runtime.InteropServices;
using ILGPU;

namespace Sim.Arch.Native.Gpu;

/// <summary>
/// ILGPU imports the driver as "cuda", which .NET resolves to the unversioned <c>libcuda.so</c>; many driver installs
/// (containers especially) ship only <c>libcuda.so.1</c>. This resolver tries both names for ILGPU's assembly.
/// </summary>
internal static class CudaDriverLibrary
{
    private static readonly string[] s_names = ["libcuda.so", "libcuda.so.1"];
    private static int s_installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
            return;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Context).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // ILGPU already installed its own resolver (it does on WSL); the default names are then its business.
        }
    }

    /// <summary>Whether either driver name loads at all (to say why ILGPU found no device).</summary>
    public static bool Loadable()
    {
        foreach (var candidate in s_names)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                NativeLibrary.Free(handle);
                return true;
            }
        }

        return false;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != "cuda")
            return IntPtr.Zero;
        foreach (var candidate in s_names)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
                return handle;
        }

        return IntPtr.Zero;
    }
}
