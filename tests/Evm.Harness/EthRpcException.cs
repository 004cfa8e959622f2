// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOptions.Evm.Harness;

/// <summary>The node answered a JSON-RPC request with an error object.</summary>
public class EthRpcException : Exception
{
    /// <summary>Creates the exception for <paramref name="method"/>'s error object.</summary>
    public EthRpcException(string method, long code, string rpcMessage, JsonElement? data)
        : this(method, code, rpcMessage, data, $"{method} failed: {rpcMessage} (JSON-RPC error {code})")
    {
    }

    /// <summary>Creates the exception with a custom message (for subclasses).</summary>
    protected EthRpcException(string method, long code, string rpcMessage, JsonElement? data, string message)
        : base(message)
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data?.Clone();
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; }

    /// <summary>The node's error message.</summary>
    public string RpcMessage { get; }

    /// <summary>The error object's <c>data</c> member, when present.</summary>
    public JsonElement? ErrorData { get; }
}
