// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The subset of ERC-20 the rollup uses (the collateral token: one base unit = one micro-USD).
interface IERC20Minimal {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @notice The generated PLONK verifier (ZkOptions.Prover.Solidity.PlonkSolidityVerifier) of the batch circuit,
/// which has 8 public inputs. Returns false for an invalid proof.
interface IPlonkVerifier8 {
    function verifyProof(uint256[24] calldata proof, uint256[8] calldata pubSignals) external view returns (bool);
}

/// @notice circomlib's Poseidon with 2 inputs (PoseidonT3.sol).
interface IPoseidonT3 {
    function hash(uint256[2] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 4 inputs (PoseidonT5.sol).
interface IPoseidonT5 {
    function hash(uint256[4] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 6 inputs (PoseidonT7.sol).
interface IPoseidonT7 {
    function hash(uint256[6] calldata inputs) external view returns (uint256);
}

/// @notice circomlib's Poseidon with 9 inputs (PoseidonT10.sol).
interface IPoseidonT10 {
    function hash(uint256[9] calldata inputs) external view returns (uint256);
}

/// @title OptionsRollup: the L1 contract of the zkoptions options rollup (DESIGN §4, docs/rollup-contract.md).
/// @notice Holds the state root; takes deposits and forced withdrawal requests into a Poseidon hash-chained queue;
/// registers oracle epoch commitments; accepts batches proven by the PLONK verifier and credits their exits for
/// pull-based withdrawal. A forced withdrawal request left unserved past `forcedDeadline` lets anyone freeze the
/// rollup into exit mode, where depositors reclaim unconsumed deposits and owners claim their collateral from the
/// last proven state with a Merkle proof.
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

    // Public input positions (docs/settlement.md, "The L1 queue, exits and batches").
    uint256 private constant PI_OLD_ROOT = 0;
    uint256 private constant PI_NEW_ROOT = 1;
    uint256 private constant PI_TIMESTAMP = 2;
    uint256 private constant PI_QUEUE_BEFORE = 3;
    uint256 private constant PI_QUEUE_AFTER = 4;
    uint256 private constant PI_EPOCH = 5;
    uint256 private constant PI_EXITS = 7;

    // ---------------------------------------------------------------- types

    /// @notice Deployment settings.
    struct Config {
        address token; // the collateral token (6 decimals)
        address verifier; // the batch circuit's PLONK verifier
        address oracleRegistrar; // the only address that may register oracle commitments
        address poseidonT3; // Poseidon(2)
        address poseidonT5; // Poseidon(4)
        address poseidonT7; // Poseidon(6)
        address poseidonT10; // Poseidon(9)
        uint256 genesisStateRoot; // the state root before the first batch
        uint64 maxBatchDelay; // a batch's timestamp may lag block.timestamp by at most this many seconds
        uint64 forcedDeadline; // seconds a forced withdrawal request may wait before exit mode can be activated
        uint8 accountTreeDepth; // depth of the quaternary account tree (1 … 16), as ExchangeParameters.AccountTreeDepth
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
    error AccountNotCreated();
    error AccountAlreadyClaimed();
    error InvalidConfig();

    // ---------------------------------------------------------------- events

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
    IPlonkVerifier8 public immutable verifier;
    address public immutable oracleRegistrar;
    IPoseidonT3 public immutable poseidonT3;
    IPoseidonT5 public immutable poseidonT5;
    IPoseidonT7 public immutable poseidonT7;
    IPoseidonT10 public immutable poseidonT10;
    uint256 public immutable maxBatchDelay;
    uint256 public immutable forcedDeadline;
    uint256 public immutable accountTreeDepth;
    /// @notice 4^accountTreeDepth: account indices run over [0, accountCapacity).
    uint256 public immutable accountCapacity;

    // ---------------------------------------------------------------- state

    /// @notice The last proven state root.
    uint256 public stateRoot;
    /// @notice The last batch's timestamp (0 before the first batch).
    uint256 public lastTimestamp;
    /// @notice Batches accepted so far.
    uint256 public batchCount;
    /// @notice Queue entries consumed by accepted batches.
    uint256 public queueConsumed;
    /// @notice True once an accepted batch carried a non-zero epoch commitment (the proven state has an epoch).
    bool public epochStarted;
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
    /// @notice The owner of each account a deposit created: the sender of the first deposit into the index (zero for
    /// an index no deposit has reached, which has no leaf in the state tree). Later deposits do not change it.
    mapping(uint64 => address) public accountOwner;

    constructor(Config memory config) {
        if (
            config.token == address(0) || config.verifier == address(0) || config.poseidonT3 == address(0)
                || config.poseidonT5 == address(0) || config.poseidonT7 == address(0)
                || config.poseidonT10 == address(0) || config.genesisStateRoot >= FIELD_MODULUS
                || config.accountTreeDepth == 0 || config.accountTreeDepth > 16
        ) revert InvalidConfig();
        token = IERC20Minimal(config.token);
        verifier = IPlonkVerifier8(config.verifier);
        oracleRegistrar = config.oracleRegistrar;
        poseidonT3 = IPoseidonT3(config.poseidonT3);
        poseidonT5 = IPoseidonT5(config.poseidonT5);
        poseidonT7 = IPoseidonT7(config.poseidonT7);
        poseidonT10 = IPoseidonT10(config.poseidonT10);
        maxBatchDelay = config.maxBatchDelay;
        forcedDeadline = config.forcedDeadline;
        accountTreeDepth = config.accountTreeDepth;
        accountCapacity = uint256(1) << (2 * uint256(config.accountTreeDepth));
        stateRoot = config.genesisStateRoot;
        _queueHashes.push(0);
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

    /// @notice Deposits `amount` micro-USD (token base units, pulled with transferFrom) into L2 account `account`,
    /// which is created with key (pubKeyX, pubKeyY) and owner msg.sender if unused; an existing account keeps its
    /// key and owner (anyone may top it up, as QueueProcessor.Deposit credits it whoever sends it). Returns the
    /// queue index.
    function deposit(uint64 account, uint96 amount, uint256 pubKeyX, uint256 pubKeyY) external returns (uint256 index) {
        if (exitMode) revert ExitMode();
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge();
        if (account >= accountCapacity) revert AccountOutOfRange();
        if (pubKeyX >= FIELD_MODULUS || pubKeyY >= FIELD_MODULUS) revert PublicKeyNotInField();
        if (accountOwner[account] == address(0)) accountOwner[account] = msg.sender;
        uint256 opHash = _operationHash(KIND_DEPOSIT, account, msg.sender, amount, pubKeyX, pubKeyY);
        uint256 queueHash;
        (index, queueHash) = _enqueue(opHash);
        emit Deposited(index, account, msg.sender, amount, pubKeyX, pubKeyY, queueHash);
        _pull(msg.sender, amount);
    }

    /// @notice Asks the rollup to withdraw `amount` micro-USD of account `account` to msg.sender, which must be the
    /// owner of an account a deposit created (the circuit can only prove a request against an existing leaf). When
    /// the collateral or margin does not allow it, the request is consumed as a no-op. If it is still unconsumed
    /// `forcedDeadline` seconds later, anyone may activate exit mode. Returns the queue index.
    function requestForcedWithdrawal(uint64 account, uint96 amount) external returns (uint256 index) {
        if (exitMode) revert ExitMode();
        if (amount == 0) revert ZeroAmount();
        if (amount > MAX_AMOUNT) revert AmountTooLarge();
        if (account >= accountCapacity) revert AccountOutOfRange();
        address owner = accountOwner[account];
        if (owner == address(0)) revert AccountNotCreated();
        if (owner != msg.sender) revert NotAccountOwner();
        uint256 opHash = _operationHash(KIND_FORCED_WITHDRAW, account, msg.sender, amount, 0, 1);
        uint256 queueHash;
        (index, queueHash) = _enqueue(opHash);
        forcedRequestedAt[index] = block.timestamp;
        emit ForcedWithdrawalRequested(index, account, msg.sender, amount, queueHash);
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
    /// queue hash before, queue hash after, epoch commitment, data commitment, exit commitment. The batch consumes
    /// queue entries [queueConsumed, queueConsumedAfter). `exits` must chain to the exit commitment; each is credited
    /// to its recipient for withdraw(). `proof` is the verifier's 24 words.
    function submitBatch(
        uint256[8] calldata publicInputs,
        uint256 queueConsumedAfter,
        Exit[] calldata exits,
        uint256[24] calldata proof
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

        uint256 epoch = publicInputs[PI_EPOCH];
        if (epoch == 0 ? epochStarted : !oracleCommitmentRegistered[epoch]) revert UnregisteredOracleCommitment();

        uint256 timestamp = publicInputs[PI_TIMESTAMP];
        if (timestamp < lastTimestamp || timestamp > block.timestamp || timestamp + maxBatchDelay < block.timestamp) {
            revert TimestampOutOfWindow();
        }

        uint256 exitChain = 0;
        for (uint256 i = 0; i < exits.length; i++) {
            Exit calldata e = exits[i];
            exitChain = poseidonT5.hash([exitChain, uint256(e.account), uint256(uint160(e.recipient)), uint256(e.amount)]);
        }
        if (exitChain != publicInputs[PI_EXITS]) revert ExitCommitmentMismatch();

        if (!verifier.verifyProof(proof, publicInputs)) revert InvalidProof();

        uint256 batchNumber = ++batchCount;
        stateRoot = publicInputs[PI_NEW_ROOT];
        lastTimestamp = timestamp;
        queueConsumed = queueConsumedAfter;
        if (epoch != 0 && !epochStarted) epochStarted = true;
        for (uint256 i = 0; i < exits.length; i++) {
            Exit calldata e = exits[i];
            withdrawable[e.recipient] += e.amount;
            emit ExitCredited(batchNumber, e.account, e.recipient, e.amount);
        }
        emit BatchSubmitted(
            batchNumber, publicInputs[PI_OLD_ROOT], publicInputs[PI_NEW_ROOT], timestamp, queueConsumedAfter, exits.length
        );
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
        return poseidonT10.hash(v);
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
