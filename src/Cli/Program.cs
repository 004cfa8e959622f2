// SPDX-License-Identifier: MIT
using ZkOptions.Cli;

return CliApp.Run(args, Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
