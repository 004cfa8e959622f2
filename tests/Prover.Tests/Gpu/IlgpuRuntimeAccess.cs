// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

// The test kernels run on ILGPU's CPU accelerator, whose dynamic "ILGPURuntime" assembly must see them.
[assembly: InternalsVisibleTo("ILGPURuntime")]
