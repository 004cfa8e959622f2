// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The subset of ERC-20 the rollup uses (the collateral token: one base unit = one micro-USD).
interface IERC20Minimal {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @notice The batch circuit's generated verifier is called as verifyProof(uint256[P] proof, uint256[8] pubSignals)
/// returns (bool): P = 24 for PLONK v1 (PlonkSolidityVerifier, snarkjs's ABI), the key's proof length for PLONK v2
/// (PlonkV2SolidityVerifier). The rollup builds that call itself (see `_verify`), so either verifier plugs in.

/// @notice circomlib's Poseidon with 2 inputs (PoseidonT3.sol).
interface IPoseidonT3 {
    function hash(uint256[2] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 3 inputs (PoseidonT4.sol).
interface IPoseidonT4 {
    function hash(uint256[3] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 4 inputs (PoseidonT5.sol).
interface IPoseidonT5 {
    function hash(uint256[4] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 6 inputs (PoseidonT7.sol).
interface IPoseidonT7 {
    function hash(uint256[6] calldata inputs) external view returns (uint256);
}

/// @title OptionsRollup: the L1 contract of the zkoptions options rollup (docs/rollup-contract.md).
/// @notice Holds the state root; opens accounts (it assigns their indices and records their keys) and takes deposits,
/// top-ups and paid forced withdrawal requests into a Poseidon hash-chained queue; registers oracle epoch commitments;
/// accepts batches proven by the PLONK verifier whose epoch chain runs over registered commitments only, and credits
/// their exits for pull-based withdrawal. A forced withdrawal request left unserved past `forcedDeadline` lets anyone
/// freeze the rollup into exit mode, where depositors reclaim unconsumed deposits and owners claim their collateral
/// from the last proven state with a Merkle proof.
contract OptionsRollup {
    // ---------------------------------------------------------------- constants

    /// @notice BN254's scalar field modulus r: every hashed value and public input must be below it.
    uint256 public constant FIELD_MODULUS =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @notice The largest amount a queue entry may carry: 2^62 − 1 micro-USD, the settlement engine's bound
    /// (ZkOptions.Settlement.State.L1Queue refuses larger entries, so a larger one could never be consumed).
    uint256 public constant MAX_AMOUNT = (1 << 62) - 1;
    /// @notice Queue entry kinds, as in ZkOptions.Settlement.State.L1OperationKind.
    uint256 public constant KIND_DEPOSIT = 1;
    uint256 public constant KIND_FORCED_WITHDRAW = 2;
    /// @notice The insurance account: in the state from genesis, keyed by the identity point (0, 1), which no user
    /// key controls, and owned by no address.
    uint64 public constant INSURANCE_ACCOUNT = 0;

    // Public input positions (docs/settlement.md, "The L1 queue, exits and batches").
    uint256 private constant PI_OLD_ROOT = 0;
    uint256 private constant PI_NEW_ROOT = 1;
    uint256 private constant PI_TIMESTAMP = 2;
    uint256 private constant PI_QUEUE_BEFORE = 3;
    uint256 private constant PI_QUEUE_AFTER = 4;
    uint256 private constant PI_EPOCH_CHAIN = 5;
    uint256 private constant PI_EXITS = 7;

    // ---------------------------------------------------------------- types

    /// @notice Deployment settings.
    struct Config {
        address token; // the collateral token (6 decimals)
        address verifier; // the batch circuit's PLONK verifier (v1 or v2)
        uint256 verifierProofWords; // P in the verifier's verifyProof(uint256[P], uint256[8]): 24 for v1
        address oracleRegistrar; // the only address that may register oracle commitments
        address poseidonT3; // Poseidon(2)
        address poseidonT4; // Poseidon(3)
        address poseidonT5; // Poseidon(4)
        address poseidonT7; // Poseidon(6)
        uint256 genesisStateRoot; // the state root before the first batch
        uint64 maxBatchDelay; // a batch's timestamp may lag block.timestamp by at most this many seconds
        uint64 forcedDeadline; // seconds a forced withdrawal request may wait before exit mode can be activated
        uint8 accountTreeDepth; // depth of the quaternary account tree (1 … 16), as ExchangeParameters.AccountTreeDepth
        uint256 forcedRequestFee; // token base units each forced withdrawal request pays to feeRecipient
        address feeRecipient; // the operator, who pays for the proof slot each forced request takes
    }

    /// @notice One exit of a batch: `amount` micro-USD leaving L2 account `account` for `recipient` on L1.
    struct Exit {
        uint64 account;
        address recipient;
        uint96 amount;
    }

    /// @notice An account leaf's preimage (ZkOptions.Settlement.State.Account.LeafHash), for the exit-mode claim.
    struct AccountLeaf {
        uint256 pubKeyX;
        uint256 pubKeyY;
        address owner;
        uint256 nonce;
        uint256 collateral; // the signed collateral as its residue mod r
        uint256 liquidationStart;
        uint256 orderRoot;
        uint256 positionsHash;
        uint256 riskHash;
    }

    /// @notice The preimage of a state root: Poseidon(accountsRoot, epochId, epochTimestamp, epochCommitment).
    struct StateRootPreimage {
        uint256 accountsRoot;
        uint256 epochId;
        uint256 epochTimestamp;
        uint256 epochCommitment;
    }

    // ---------------------------------------------------------------- errors

    error ExitMode();
    error NotExitMode();
    error PublicInputNotInField(uint256 index);
    error WrongOldRoot();
    error WrongQueueHash();
    error QueueCountOutOfRange();
    error UnregisteredOracleCommitment();
    error TimestampOutOfWindow();
    error ExitCommitmentMismatch();
    error InvalidProof();
    error ZeroAmount();
    error AmountTooLarge();
    error AccountOutOfRange();
    error AccountTreeFull();
    error AccountNotOpen();
    error KeyMismatch();
    error InsuranceAccount();
    error ForcedRequestPending();
    error EpochChainMismatch();
    error PublicKeyNotInField();
    error NotOracleRegistrar();
    error InvalidOracleCommitment();
    error OracleCommitmentAlreadyRegistered();
    error NothingToWithdraw();
    error TokenTransferFailed();
    error NotForcedRequest();
    error RequestAlreadyConsumed();
    error DeadlineNotPassed();
    error NotUnconsumedDeposit();
    error DepositAlreadyReclaimed();
    error WrongDepositPreimage();
    error WrongStateRootPreimage();
    error WrongMerkleProof();
    error NotAccountOwner();
    error AccountAlreadyClaimed();
    error InvalidConfig();

    // ---------------------------------------------------------------- events

    event AccountOpened(uint64 indexed account, address indexed owner, uint256 pubKeyX, uint256 pubKeyY);
    event Deposited(
        uint256 indexed queueIndex, uint64 indexed account, address indexed owner, uint256 amount, uint256 pubKeyX,
        uint256 pubKeyY, uint256 queueHash
    );
    event ForcedWithdrawalRequested(
        uint256 indexed queueIndex, uint64 indexed account, address indexed owner, uint256 amount, uint256 queueHash
    );
    event OracleCommitmentRegistered(uint256 indexed commitment);
    event BatchSubmitted(
        uint256 indexed batchNumber, uint256 oldStateRoot, uint256 newStateRoot, uint256 timestamp,
        uint256 queueConsumed, uint256 exitCount
    );
    event ExitCredited(uint256 indexed batchNumber, uint64 indexed account, address indexed recipient, uint256 amount);
    event Withdrawn(address indexed recipient, uint256 amount);
    event ExitModeActivated(uint256 indexed queueIndex, uint256 requestedAt);
    event DepositReclaimed(uint256 indexed queueIndex, address indexed owner, uint256 amount);
    event AccountClaimed(uint64 indexed account, address indexed owner, uint256 amount);

    // ---------------------------------------------------------------- immutable settings

    IERC20Minimal public immutable token;
    address public immutable verifier;
    /// @notice How many words a proof has (the verifier's uint256[P]).
    uint256 public immutable verifierProofWords;
    /// @notice The selector of verifyProof(uint256[P],uint256[8]).
    bytes4 public immutable verifierSelector;
    address public immutable oracleRegistrar;
    IPoseidonT3 public immutable poseidonT3;
    IPoseidonT4 public immutable poseidonT4;
    IPoseidonT5 public immutable poseidonT5;
    IPoseidonT7 public immutable poseidonT7;
    uint256 public immutable maxBatchDelay;
    uint256 public immutable forcedDeadline;
    uint256 public immutable accountTreeDepth;
    /// @notice 4^accountTreeDepth: account indices run over [0, accountCapacity).
    uint256 public immutable accountCapacity;
    /// @notice What each forced withdrawal request pays (token base units), and to whom it is credited.
    uint256 public immutable forcedRequestFee;
    address public immutable feeRecipient;
    /// @notice Poseidon(block.chainid, address(this)): the start of every batch's epoch chain. The oracle signs
    /// Poseidon(oracleDomain, commitment), so an epoch signed for another chain or rollup cannot be replayed here.
    uint256 public immutable oracleDomain;

    // ---------------------------------------------------------------- state

    /// @notice The last proven state root.
    uint256 public stateRoot;
    /// @notice The last batch's timestamp (0 before the first batch).
    uint256 public lastTimestamp;
    /// @notice Batches accepted so far.
    uint256 public batchCount;
    /// @notice Queue entries consumed by accepted batches.
    uint256 public queueConsumed;
    /// @notice The index the next opened account gets (account 0, the insurance account, exists from genesis).
    uint64 public nextAccount;
    /// @notice True once exit mode is active: no more batches, deposits or requests.
    bool public exitMode;

    /// @dev _queueHashes[i] is the chain hash after i entries; _queueHashes[0] = 0.
    uint256[] private _queueHashes;
    /// @notice Block timestamp of each forced withdrawal request, by queue index (0 for deposits).
    mapping(uint256 => uint256) public forcedRequestedAt;
    /// @notice Registered oracle epoch commitments.
    mapping(uint256 => bool) public oracleCommitmentRegistered;
    /// @notice Token amounts credited and not yet withdrawn, by recipient.
    mapping(address => uint256) public withdrawable;
    /// @notice Unconsumed deposits already reclaimed in exit mode, by queue index.
    mapping(uint256 => bool) public depositReclaimed;
    /// @notice Accounts whose collateral was claimed in exit mode.
    mapping(uint64 => bool) public accountClaimed;
    /// @notice The owner of each opened account: the sender of the deposit that opened it (zero for the insurance
    /// account and for indices not opened yet). Top-ups do not change it.
    mapping(uint64 => address) public accountOwner;
    /// @notice The BabyJubjub key each opened account was opened with ((0, 1) for the insurance account, (0, 0) for
    /// indices not opened yet). The circuit refuses to credit a deposit entry whose key differs from its leaf's.
    mapping(uint64 => uint256) public accountKeyX;
    mapping(uint64 => uint256) public accountKeyY;
    /// @dev 1 + the queue index of each account's latest forced request (0 for none); it is pending while the index is
    /// at or beyond queueConsumed, and a new request overwrites it once consumed.
    mapping(uint64 => uint256) private _lastForcedRequest;

    constructor(Config memory config) {
        if (
            config.token == address(0) || config.verifier == address(0) || config.poseidonT3 == address(0)
                || config.poseidonT4 == address(0) || config.poseidonT5 == address(0)
                || config.poseidonT7 == address(0) || config.genesisStateRoot >= FIELD_MODULUS
                || config.accountTreeDepth == 0 || config.accountTreeDepth > 16
                || (config.forcedRequestFee != 0 && config.feeRecipient == address(0))
                || config.verifierProofWords == 0 || config.verifierProofWords > 1024
        ) revert InvalidConfig();
        token = IERC20Minimal(config.token);
        verifier = config.verifier;
        verifierProofWords = config.verifierProofWords;
        verifierSelector = bytes4(
            keccak256(abi.encodePacked("verifyProof(uint256[", _decimal(config.verifierProofWords), "],uint256[8])"))
        );
        oracleRegistrar = config.oracleRegistrar;
        poseidonT3 = IPoseidonT3(config.poseidonT3);
        poseidonT4 = IPoseidonT4(config.poseidonT4);
        poseidonT5 = IPoseidonT5(config.poseidonT5);
        poseidonT7 = IPoseidonT7(config.poseidonT7);
        maxBatchDelay = config.maxBatchDelay;
        forcedDeadline = config.forcedDeadline;
        accountTreeDepth = config.accountTreeDepth;
        accountCapacity = uint256(1) << (2 * uint256(config.accountTreeDepth));
        forcedRequestFee = config.forcedRequestFee;
        feeRecipient = config.feeRecipient;
        oracleDomain = IPoseidonT3(config.poseidonT3).hash([block.chainid, uint256(uint160(address(this)))]);
        stateRoot = config.genesisStateRoot;
        _queueHashes.push(0);
        // The insurance account's leaf is in the genesis state (new RollupState(parameters).Root).
        accountKeyY[INSURANCE_ACCOUNT] = 1;
        nextAccount = 1;
    }

    // ---------------------------------------------------------------- queue

    /// @notice Entries ever queued.
    function queueLength() external view returns (uint256) {
        return _queueHashes.length - 1;
    }

    /// @notice The queue chain hash after the first `count` entries (0 for none).
    function queueHashAt(uint256 count) external view returns (uint256) {
        return _queueHashes[count];
    }

    /// @notice Opens a new account with index `nextAccount`, key (pubKeyX, pubKeyY) and owner msg.sender, and deposits
    /// `amount` micro-USD (token base units, pulled with transferFrom) into it. The contract picks the index, so no
    /// one can claim an index ahead of its depositor. Returns the account and the queue index.
    function deposit(uint96 amount, uint256 pubKeyX, uint256 pubKeyY) external returns (uint64 account, uint256 queueIndex) {
        if (exitMode) revert ExitMode();
        _checkAmount(amount);
        if (pubKeyX >= FIELD_MODULUS || pubKeyY >= FIELD_MODULUS) revert PublicKeyNotInField();
        account = nextAccount;
        if (account >= accountCapacity) revert AccountTreeFull();
        nextAccount = account + 1;
        accountOwner[account] = msg.sender;
        accountKeyX[account] = pubKeyX;
        accountKeyY[account] = pubKeyY;
        emit AccountOpened(account, msg.sender, pubKeyX, pubKeyY);
        queueIndex = _queueDeposit(account, amount, pubKeyX, pubKeyY);
    }

    /// @notice Deposits `amount` micro-USD into the opened account `account`, whose key the caller names: a top-up
    /// reaches only the key the caller expects (anyone may top up; account 0 takes donations to the insurance fund
    /// with key (0, 1)). Returns the queue index.
    function topUp(uint64 account, uint96 amount, uint256 pubKeyX, uint256 pubKeyY) external returns (uint256 queueIndex) {
        if (exitMode) revert ExitMode();
        _checkAmount(amount);
        if (account >= nextAccount) revert AccountNotOpen();
        if (pubKeyX != accountKeyX[account] || pubKeyY != accountKeyY[account]) revert KeyMismatch();
        queueIndex = _queueDeposit(account, amount, pubKeyX, pubKeyY);
    }

    /// @notice Asks the rollup to withdraw `amount` micro-USD of account `account` to msg.sender, which must be the
    /// account's owner. Pays `forcedRequestFee` (pulled with transferFrom, credited to `feeRecipient`), and an account
    /// may have one unconsumed request at a time, so flooding the queue costs a fee and an opened account per slot.
    /// When the collateral or margin does not allow it, the request is consumed as a no-op. If it is still unconsumed
    /// `forcedDeadline` seconds later, anyone may activate exit mode. Returns the queue index.
    function requestForcedWithdrawal(uint64 account, uint96 amount) external returns (uint256 index) {
        if (exitMode) revert ExitMode();
        _checkAmount(amount);
        if (account == INSURANCE_ACCOUNT) revert InsuranceAccount();
        if (account >= nextAccount) revert AccountNotOpen();
        if (accountOwner[account] != msg.sender) revert NotAccountOwner();
        uint256 last = _lastForcedRequest[account];
        if (last != 0 && last - 1 >= queueConsumed) revert ForcedRequestPending();
        uint256 opHash = _operationHash(KIND_FORCED_WITHDRAW, account, msg.sender, amount, 0, 1);
        uint256 queueHash;
        (index, queueHash) = _enqueue(opHash);
        forcedRequestedAt[index] = block.timestamp;
        _lastForcedRequest[account] = index + 1;
        emit ForcedWithdrawalRequested(index, account, msg.sender, amount, queueHash);
        uint256 fee = forcedRequestFee;
        if (fee != 0) {
            withdrawable[feeRecipient] += fee;
            _pull(msg.sender, fee);
        }
    }

    /// @notice Whether account `account` has a forced withdrawal request no batch has consumed yet.
    function forcedRequestPending(uint64 account) external view returns (bool) {
        uint256 last = _lastForcedRequest[account];
        return last != 0 && last - 1 >= queueConsumed;
    }

    // ---------------------------------------------------------------- oracle

    /// @notice Registers an oracle epoch commitment that batches may then use (registrar only).
    function registerOracleCommitment(uint256 commitment) external {
        if (msg.sender != oracleRegistrar) revert NotOracleRegistrar();
        if (commitment == 0 || commitment >= FIELD_MODULUS) revert InvalidOracleCommitment();
        if (oracleCommitmentRegistered[commitment]) revert OracleCommitmentAlreadyRegistered();
        oracleCommitmentRegistered[commitment] = true;
        emit OracleCommitmentRegistered(commitment);
    }

    // ---------------------------------------------------------------- batches

    /// @notice Accepts a proven batch. `publicInputs` are, in order: old state root, new state root, timestamp,
    /// queue hash before, queue hash after, epoch chain, data commitment, exit commitment. The batch consumes queue
    /// entries [queueConsumed, queueConsumedAfter). `epochs` are the oracle commitments the batch applies, in order:
    /// each must be registered, and c₀ = oracleDomain, cᵢ₊₁ = Poseidon(cᵢ, epochᵢ) must end at the epoch chain.
    /// `exits` must chain to the exit commitment; each is credited to its recipient for withdraw(). `proof` is the
    /// verifier's `verifierProofWords` words (24 for PLONK v1).
    function submitBatch(
        uint256[8] calldata publicInputs,
        uint256 queueConsumedAfter,
        uint256[] calldata epochs,
        Exit[] calldata exits,
        uint256[] calldata proof
    ) external {
        if (exitMode) revert ExitMode();
        for (uint256 i = 0; i < 8; i++) {
            if (publicInputs[i] >= FIELD_MODULUS) revert PublicInputNotInField(i);
        }
        if (publicInputs[PI_OLD_ROOT] != stateRoot) revert WrongOldRoot();

        uint256 consumed = queueConsumed;
        if (queueConsumedAfter < consumed || queueConsumedAfter >= _queueHashes.length) revert QueueCountOutOfRange();
        if (
            publicInputs[PI_QUEUE_BEFORE] != _queueHashes[consumed]
                || publicInputs[PI_QUEUE_AFTER] != _queueHashes[queueConsumedAfter]
        ) revert WrongQueueHash();

        if (_epochChain(epochs) != publicInputs[PI_EPOCH_CHAIN]) revert EpochChainMismatch();

        uint256 timestamp = publicInputs[PI_TIMESTAMP];
        if (timestamp < lastTimestamp || timestamp > block.timestamp || timestamp + maxBatchDelay < block.timestamp) {
            revert TimestampOutOfWindow();
        }

        if (_exitChain(exits) != publicInputs[PI_EXITS]) revert ExitCommitmentMismatch();

        if (!_verify(proof, publicInputs)) revert InvalidProof();

        uint256 batchNumber = ++batchCount;
        stateRoot = publicInputs[PI_NEW_ROOT];
        lastTimestamp = timestamp;
        queueConsumed = queueConsumedAfter;
        for (uint256 i = 0; i < exits.length; i++) {
            Exit calldata e = exits[i];
            withdrawable[e.recipient] += e.amount;
            emit ExitCredited(batchNumber, e.account, e.recipient, e.amount);
        }
        emit BatchSubmitted(
            batchNumber, publicInputs[PI_OLD_ROOT], publicInputs[PI_NEW_ROOT], timestamp, queueConsumedAfter, exits.length
        );
    }

    /// @dev verifyProof(proof, publicInputs) on the verifier: fixed-size arrays are their words back to back, so the
    /// call data is the selector, the proof words and the public inputs. A proof of the wrong length is invalid; a
    /// verifier that reverts (out of gas) makes the batch revert too, rather than read as an invalid proof.
    function _verify(uint256[] calldata proof, uint256[8] calldata publicInputs) private view returns (bool) {
        if (proof.length != verifierProofWords) return false;
        (bool success, bytes memory result) =
            verifier.staticcall(abi.encodePacked(verifierSelector, proof, publicInputs));
        if (!success) {
            assembly {
                revert(add(result, 0x20), mload(result))
            }
        }
        return result.length == 32 && abi.decode(result, (bool));
    }

    /// @dev The decimal digits of `value` (for the verifier's ABI signature).
    function _decimal(uint256 value) private pure returns (bytes memory digits) {
        if (value == 0) return "0";
        for (uint256 v = value; v != 0; v /= 10) {
            digits = abi.encodePacked(bytes1(uint8(48 + v % 10)), digits);
        }
    }

    /// @notice Pays out everything credited to msg.sender (exits, exit-mode claims).
    function withdraw() external {
        uint256 amount = withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        withdrawable[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        _push(msg.sender, amount);
    }

    // ---------------------------------------------------------------- exit mode

    /// @notice Freezes the rollup when forced withdrawal request `queueIndex` is still unconsumed more than
    /// `forcedDeadline` seconds after it was made. Anyone may call it.
    function activateExitMode(uint256 queueIndex) external {
        if (exitMode) revert ExitMode();
        uint256 requestedAt = forcedRequestedAt[queueIndex];
        if (requestedAt == 0) revert NotForcedRequest();
        if (queueIndex < queueConsumed) revert RequestAlreadyConsumed();
        if (block.timestamp <= requestedAt + forcedDeadline) revert DeadlineNotPassed();
        exitMode = true;
        emit ExitModeActivated(queueIndex, requestedAt);
    }

    /// @notice In exit mode, returns an unconsumed deposit to its depositor. The caller gives the deposit's fields
    /// (from its Deposited event); they must hash to the queue entry at `queueIndex`. Anyone may call it.
    function reclaimDeposit(uint256 queueIndex, uint64 account, address owner, uint96 amount, uint256 pubKeyX, uint256 pubKeyY)
        external
    {
        if (!exitMode) revert NotExitMode();
        if (queueIndex < queueConsumed || queueIndex + 1 >= _queueHashes.length) revert NotUnconsumedDeposit();
        if (depositReclaimed[queueIndex]) revert DepositAlreadyReclaimed();
        if (pubKeyX >= FIELD_MODULUS || pubKeyY >= FIELD_MODULUS) revert WrongDepositPreimage();
        uint256 opHash = _operationHash(KIND_DEPOSIT, account, owner, amount, pubKeyX, pubKeyY);
        if (poseidonT3.hash([_queueHashes[queueIndex], opHash]) != _queueHashes[queueIndex + 1]) {
            revert WrongDepositPreimage();
        }
        depositReclaimed[queueIndex] = true;
        emit DepositReclaimed(queueIndex, owner, amount);
        _push(owner, amount);
    }

    /// @notice In exit mode, credits max(collateral, 0) of account `account` in the last proven state to its owner
    /// (msg.sender), once per account. `root` opens the state root; `leaf` is the account leaf's preimage;
    /// `siblings` holds, per level from the leaves up, the three siblings of the path node in child order.
    /// Positions, open orders and unrealised P&L are not paid out.
    function claimAccount(
        uint64 account,
        StateRootPreimage calldata root,
        AccountLeaf calldata leaf,
        uint256[3][] calldata siblings
    ) external {
        if (!exitMode) revert NotExitMode();
        if (leaf.owner != msg.sender) revert NotAccountOwner();
        if (account >= accountCapacity) revert AccountOutOfRange();
        if (accountClaimed[account]) revert AccountAlreadyClaimed();
        if (
            root.accountsRoot >= FIELD_MODULUS || root.epochId >= FIELD_MODULUS || root.epochTimestamp >= FIELD_MODULUS
                || root.epochCommitment >= FIELD_MODULUS
                || poseidonT5.hash([root.accountsRoot, root.epochId, root.epochTimestamp, root.epochCommitment]) != stateRoot
        ) revert WrongStateRootPreimage();
        if (siblings.length != accountTreeDepth) revert WrongMerkleProof();

        uint256 node = _leafHash(leaf);
        uint256 index = account;
        for (uint256 level = 0; level < siblings.length; level++) {
            uint256[3] calldata s = siblings[level];
            if (s[0] >= FIELD_MODULUS || s[1] >= FIELD_MODULUS || s[2] >= FIELD_MODULUS) revert WrongMerkleProof();
            uint256 position = index & 3;
            uint256[4] memory children;
            uint256 k = 0;
            for (uint256 c = 0; c < 4; c++) {
                children[c] = c == position ? node : s[k++];
            }
            node = poseidonT5.hash(children);
            index >>= 2;
        }
        if (node != root.accountsRoot) revert WrongMerkleProof();

        accountClaimed[account] = true;
        // A signed value is stored as its residue: the upper half of the field holds the negative values.
        uint256 amount = leaf.collateral <= (FIELD_MODULUS - 1) / 2 ? leaf.collateral : 0;
        withdrawable[msg.sender] += amount;
        emit AccountClaimed(account, msg.sender, amount);
    }

    // ---------------------------------------------------------------- internals

    function _operationHash(uint256 kind, uint64 account, address owner, uint256 amount, uint256 pubKeyX, uint256 pubKeyY)
        private
        view
        returns (uint256)
    {
        return poseidonT7.hash([kind, uint256(account), uint256(uint160(owner)), amount, pubKeyX, pubKeyY]);
    }

    function _checkAmount(uint256 amount) private pure {
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge();
    }

    /// @dev Queues a deposit entry (owner field: msg.sender, who gets it back in exit mode) and pulls the tokens.
    function _queueDeposit(uint64 account, uint96 amount, uint256 pubKeyX, uint256 pubKeyY) private returns (uint256 index) {
        uint256 opHash = _operationHash(KIND_DEPOSIT, account, msg.sender, amount, pubKeyX, pubKeyY);
        uint256 queueHash;
        (index, queueHash) = _enqueue(opHash);
        emit Deposited(index, account, msg.sender, amount, pubKeyX, pubKeyY, queueHash);
        _pull(msg.sender, amount);
    }

    /// @dev The chain over the batch's epoch commitments from this rollup's domain; each must be registered, so a
    /// batch cannot move the state to an epoch the registrar did not publish, whatever the circuit accepts.
    function _epochChain(uint256[] calldata epochs) private view returns (uint256 chain) {
        chain = oracleDomain;
        for (uint256 i = 0; i < epochs.length; i++) {
            if (!oracleCommitmentRegistered[epochs[i]]) revert UnregisteredOracleCommitment();
            chain = poseidonT3.hash([chain, epochs[i]]);
        }
    }

    /// @dev e₀ = 0, eᵢ₊₁ = Poseidon(eᵢ, account, recipient, amount), as ExitRecord.Chain.
    function _exitChain(Exit[] calldata exits) private view returns (uint256 chain) {
        for (uint256 i = 0; i < exits.length; i++) {
            Exit calldata e = exits[i];
            chain = poseidonT5.hash([chain, uint256(e.account), uint256(uint160(e.recipient)), uint256(e.amount)]);
        }
    }

    function _enqueue(uint256 opHash) private returns (uint256 index, uint256 queueHash) {
        index = _queueHashes.length - 1;
        queueHash = poseidonT3.hash([_queueHashes[index], opHash]);
        _queueHashes.push(queueHash);
    }

    function _leafHash(AccountLeaf calldata a) private view returns (uint256) {
        uint256[9] memory v = [
            a.pubKeyX,
            a.pubKeyY,
            uint256(uint160(a.owner)),
            a.nonce,
            a.collateral,
            a.liquidationStart,
            a.orderRoot,
            a.positionsHash,
            a.riskHash
        ];
        for (uint256 i = 0; i < 9; i++) {
            if (v[i] >= FIELD_MODULUS) revert WrongMerkleProof();
        }
        // AccountLeaf.Hash: Poseidon(Poseidon(identity half), Poseidon(balance half), riskHash).
        uint256 identity = poseidonT5.hash([v[0], v[1], v[2], v[3]]);
        uint256 balance = poseidonT5.hash([v[4], v[5], v[6], v[7]]);
        return poseidonT4.hash([identity, balance, v[8]]);
    }

    function _pull(address from, uint256 amount) private {
        _call(abi.encodeCall(IERC20Minimal.transferFrom, (from, address(this), amount)));
    }

    function _push(address to, uint256 amount) private {
        _call(abi.encodeCall(IERC20Minimal.transfer, (to, amount)));
    }

    /// @dev Calls the token and accepts either no return data or an ABI-encoded true (tokens that return nothing).
    function _call(bytes memory data) private {
        (bool ok, bytes memory result) = address(token).call(data);
        if (!ok || (result.length != 0 && (result.length != 32 || abi.decode(result, (uint256)) != 1))) {
            revert TokenTransferFailed();
        }
        if (result.length == 0 && address(token).code.length == 0) revert TokenTransferFailed();
    }
}
