// SPDX-License-Identifier: MIT
namespace ZkOptions.Solidity.Tests.Evm;

/// <summary>A small contract exercising what the harness must handle: constructor arguments, views, state changes, events and each kind of revert.</summary>
internal static class CounterContract
{
    public const string FileName = "Counter.sol";

    public const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.24;

        contract Counter {
            uint256 public count;
            address public owner;
            uint256[] private history;

            event Incremented(address indexed by, uint256 newCount);
            error Unauthorized(address caller);

            constructor(uint256 start) {
                count = start;
                owner = msg.sender;
            }

            function increment(uint256 by) external returns (uint256) {
                require(by > 0, "by must be positive");
                count += by;
                history.push(count);
                emit Incremented(msg.sender, count);
                return count;
            }

            function state() external view returns (uint256, address, bool, string memory, uint256[] memory) {
                return (count, owner, count % 2 == 0, "counter \u2713", history);
            }

            function divide(uint256 a, uint256 b) external pure returns (uint256) {
                return a / b;
            }

            function ownerOnly() external view returns (bool) {
                if (msg.sender != owner) revert Unauthorized(msg.sender);
                return true;
            }

            function now_() external view returns (uint256) {
                return block.timestamp;
            }
        }
        """;
}
