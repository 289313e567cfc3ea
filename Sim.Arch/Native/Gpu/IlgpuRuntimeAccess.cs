using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator emits a dynamic assembly named "ILGPURuntime" whose task types hold the kernels' parameter
// values; it needs to see internal parameter types such as AttentionShape.
[assembly: InternalsVisibleTo("ILGPURuntime")]
