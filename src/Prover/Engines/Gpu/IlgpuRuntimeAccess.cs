// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator emits a dynamic assembly named "ILGPURuntime" that calls the kernels and names their
// parameter types; the device structs are internal, so that assembly must see them.
[assembly: InternalsVisibleTo("ILGPURuntime")]
