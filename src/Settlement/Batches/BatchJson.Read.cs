// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOptions.Field;
using ZkOptions.Field.BabyJubjub;
using ZkOptions.Field.Hashing;
using ZkOptions.Settlement.Engine;
using ZkOptions.Settlement.Hashing;
using ZkOptions.Settlement.Instruments;
using ZkOptions.Settlement.Numbers;
using ZkOptions.Settlement.Orders;
using ZkOptions.Settlement.Parameters;
using ZkOptions.Settlement.Risk;
using ZkOptions.Settlement.Serialization;
using ZkOptions.Settlement.State;
using ZkOptions.Settlement.Transactions;

namespace ZkOptions.Settlement.Batches;

public static partial class BatchJson
{
    /// <summary>Reads the batch file at <paramref name="path"/>; see <see cref="Read"/>.</summary>
    public static Batch ReadFile(string path, ExchangeParameters p)
    {
        var json = new JsonFields(path);
        return Read(json.ParseObject(JsonFields.ReadText(path)), p, path);
    }

    /// <summary>
    /// Rebuilds the <see cref="Batch"/> that <see cref="Write"/> wrote, for parameters <paramref name="p"/>. Every
    /// field is validated (types, ranges, field elements below r, addresses), and the witness is checked where that
    /// is cheap: account and order-slot leaves hash to the values written; each account proof opens the account
    /// root at its point in the batch, starting from <c>start</c>, so every transaction's roots are recomputed;
    /// order-slot proofs open the account's order root; series proofs open the epoch's series root; the queue,
    /// data and exit commitments and the final epoch commitment are recomputed. Signatures and the exchange's rules
    /// are not re-checked (the circuit does). Any problem is a <see cref="SettlementInputException"/> naming
    /// <paramref name="source"/> and the JSON path.
    /// </summary>
    public static Batch Read(JsonNode node, ExchangeParameters p, string source)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        var json = new JsonFields(source);
        JsonObject o = node as JsonObject ?? throw json.Fail("the top level must be a JSON object");
        json.RequireUniqueProperties(o);
        return new BatchReader(json, p).Read(o);
    }

    private sealed class BatchReader(JsonFields json, ExchangeParameters p)
    {
        private static readonly string[] InputNames =
            ["oldStateRoot", "newStateRoot", "timestamp", "queueHashBefore", "queueHashAfter", "epochChain", "dataCommitment", "exitCommitment"];

        private readonly Fr emptyOrderRoot = SparseMerkleTree.EmptySubtreeHashes(4, p.OrderTreeDepth)[p.OrderTreeDepth];

        // The state as the batch advances: what the next transaction's witness must open.
        private Fr accountsRoot;
        private long epochId;
        private long epochTimestamp;
        private Fr epochCommitment;
        private Fr seriesRoot;
        private long queue;

        public Batch Read(JsonObject o)
        {
            if (o["format"] is null || json.String(o, "format") != "zkoptions-batch")
            {
                throw json.Fail("format must be \"zkoptions-batch\": this is not a zkoptions batch file");
            }
            long version = json.Long(o, "version");
            if (version != Version)
            {
                throw json.Fail($"version {version} is not supported (this reader reads version {Version})");
            }
            Fr parametersHash = json.FieldElement(o, "parametersHash");
            if (parametersHash != p.Hash())
            {
                throw json.Fail($"parametersHash {parametersHash} is not the hash of the parameters given ({p.Hash()}); pass the parameters file the batch was written with");
            }
            long number = json.Long(o, "number", 1);
            long timestamp = json.Long(o, "timestamp", 1, uint.MaxValue);
            JsonObject inputsNode = json.Object(o, "publicInputs");
            var inputs = InputNames.ToDictionary(n => n, n => json.FieldElement(inputsNode, n));
            Expect(inputs["timestamp"] == Fr.FromUInt64((ulong)timestamp), inputsNode, "timestamp", $"is not the batch timestamp {timestamp}");
            JsonObject queueNode = json.Object(o, "queue");
            long consumedBefore = json.Long(queueNode, "consumedBefore", 0);
            long consumedAfter = json.Long(queueNode, "consumedAfter", consumedBefore);

            BatchStart start = Start(json.Object(o, "start"));
            Expect(start.StateRoot() == inputs["oldStateRoot"], inputsNode, "oldStateRoot",
                $"is not Poseidon(start.accountsRoot, start.epochId, start.epochTimestamp, start.epochCommitment) = {start.StateRoot()}");
            (accountsRoot, epochId, epochTimestamp, epochCommitment, seriesRoot) =
                (start.AccountsRoot, start.EpochId, start.EpochTimestamp, start.EpochCommitment, start.SeriesRoot);
            queue = consumedBefore;

            JsonArray txs = json.Array(o, "transactions");
            var results = new TransactionResult[txs.Count];
            Fr root = inputs["oldStateRoot"];
            Fr data = Fr.Zero;
            for (int i = 0; i < txs.Count; i++)
            {
                JsonObject t = json.Object(txs, i);
                results[i] = Transaction(t, timestamp, root);
                root = results[i].RootAfter;
                if (results[i].Transaction is not NoopTx)
                {
                    data = TransactionData.Chain(data, results[i]);
                }
            }
            Expect(root == inputs["newStateRoot"], inputsNode, "newStateRoot", $"is not the root after the last transaction ({root})");
            Expect(queue == consumedAfter, queueNode, "consumedAfter", $"is not the {queue} entries the transactions consume");
            Fr[] epochs = [.. results.Select(r => r.Transaction).OfType<OracleUpdateTx>().Select(u => u.Epoch.Commitment)];
            Fr chain = Batch.ChainEpochs(p.OracleDomain, epochs);
            Expect(chain == inputs["epochChain"], inputsNode, "epochChain",
                $"is not the chain of the epochs the batch applies from this deployment's oracle domain ({chain})");
            Expect(data == inputs["dataCommitment"], inputsNode, "dataCommitment", $"is not the chain of the transactions' data ({data})");

            JsonArray exitsNode = json.Array(o, "exits");
            var exits = new ExitRecord[exitsNode.Count];
            for (int i = 0; i < exits.Length; i++)
            {
                exits[i] = Exit(json.Object(exitsNode, i));
            }
            ExitRecord[] perTransaction = [.. results.SelectMany(r => r.Exits)];
            if (!exits.SequenceEqual(perTransaction))
            {
                throw json.Fail($"{JsonFields.PathOf(exitsNode)} are not the transactions' exits in order ({exits.Length} listed, {perTransaction.Length} in the transactions)");
            }
            Fr exitCommitment = exits.Aggregate(Fr.Zero, (acc, e) => e.Chain(acc));
            Expect(exitCommitment == inputs["exitCommitment"], inputsNode, "exitCommitment", $"is not the chain of the exits ({exitCommitment})");

            return new Batch(number, timestamp, parametersHash, inputs["oldStateRoot"], inputs["newStateRoot"], consumedBefore, consumedAfter,
                inputs["queueHashBefore"], inputs["queueHashAfter"], inputs["epochChain"], epochs, p.OracleDomain, inputs["dataCommitment"], inputs["exitCommitment"],
                start, exits, results);
        }

        private BatchStart Start(JsonObject s)
        {
            var start = new BatchStart(json.FieldElement(s, "accountsRoot"), json.Long(s, "epochId", 0), json.Long(s, "epochTimestamp", 0, uint.MaxValue),
                json.FieldElement(s, "epochCommitment"), json.FieldElement(s, "seriesRoot"), json.FieldElement(s, "spotsHash"));
            if (start.EpochId == 0)
            {
                Expect(start.EpochTimestamp == 0 && start.EpochCommitment.IsZero && start.SeriesRoot.IsZero && start.SpotsHash.IsZero, s, "epochId",
                    "is 0 (no epoch yet), so epochTimestamp, epochCommitment, seriesRoot and spotsHash must be 0");
            }
            else
            {
                Expect(start.Commitment() == start.EpochCommitment, s, "epochCommitment",
                    $"is not Poseidon(epochId, epochTimestamp, seriesRoot, spotsHash) = {start.Commitment()}");
            }
            return start;
        }

        private TransactionResult Transaction(JsonObject t, long timestamp, Fr rootBefore)
        {
            Transaction tx = Fields(t);
            Fr before = json.FieldElement(t, "rootBefore");
            Expect(before == rootBefore, t, "rootBefore", $"is not the root the previous transaction ends at ({rootBefore})");
            Fr after = json.FieldElement(t, "rootAfter");
            JsonObject w = json.Object(t, "witness");

            // Series are read from the epoch in force before the transaction.
            JsonArray seriesNode = json.Array(w, "series");
            var series = new SeriesWitness[seriesNode.Count];
            for (int i = 0; i < series.Length; i++)
            {
                series[i] = Series(json.Object(seriesNode, i));
            }
            JsonArray updatesNode = json.Array(w, "accounts");
            var updates = new AccountUpdate[updatesNode.Count];
            for (int i = 0; i < updates.Length; i++)
            {
                updates[i] = Update(json.Object(updatesNode, i));
            }
            JsonArray slotsNode = json.Array(w, "orderSlots");
            var slots = new OrderSlotUpdate[slotsNode.Count];
            var orderRoots = new Dictionary<long, Fr>();
            for (int i = 0; i < slots.Length; i++)
            {
                JsonObject s = json.Object(slotsNode, i);
                slots[i] = Slot(s);
                long account = slots[i].Account;
                AccountUpdate? first = updates.FirstOrDefault(u => u.Index == account);
                Expect(first is not null, s, "account", $"= {account} is not among the accounts the transaction updates");
                Fr current = orderRoots.TryGetValue(account, out Fr r) ? r : first!.Before?.OrderTree.Root ?? emptyOrderRoot;
                Expect(SparseMerkleTree.ComputeRoot(4, slots[i].Before.LeafHash(), slots[i].Slot, slots[i].Proof) == current, s, "siblings",
                    $"do not open account {account}'s order root {current} at slot {slots[i].Slot}");
                orderRoots[account] = SparseMerkleTree.ComputeRoot(4, slots[i].After.LeafHash(), slots[i].Slot, slots[i].Proof);
            }
            foreach (var (account, root) in orderRoots)
            {
                Fr final = updates.Last(u => u.Index == account).After.OrderTree.Root;
                Expect(root == final, t, "witness.orderSlots", $"leave account {account}'s order root at {root}, but the account after has {final}");
            }

            if (tx is OracleUpdateTx o)
            {
                (epochId, epochTimestamp, epochCommitment, seriesRoot) = (o.Epoch.Id, o.Epoch.Timestamp, o.Epoch.Commitment, o.Epoch.SeriesTree.Root);
            }
            Fr recomputed = Poseidon.Hash(accountsRoot, FieldCodec.Unsigned(epochId), FieldCodec.Unsigned(epochTimestamp), epochCommitment);
            Expect(after == recomputed, t, "rootAfter", $"is not the root the witness gives ({recomputed})");

            JsonArray exitsNode = json.Array(t, "exits");
            var exits = new ExitRecord[exitsNode.Count];
            for (int i = 0; i < exits.Length; i++)
            {
                exits[i] = Exit(json.Object(exitsNode, i));
            }
            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            JsonObject detailsNode = json.Object(t, "details");
            foreach (var (k, _) in detailsNode)
            {
                details[k] = json.String(detailsNode, k);
            }
            return new TransactionResult(tx, timestamp, before, after, updates, slots, series, exits, details);
        }

        private Transaction Fields(JsonObject t)
        {
            string type = json.String(t, "type");
            switch (type)
            {
                case "noop":
                    return new NoopTx();
                case "deposit":
                case "forcedWithdraw":
                {
                    // Which entry comes next is a rule (l1.queue-order) that the circuit names, not a question of form.
                    long index = json.Long(t, "queueIndex", 0);
                    queue++;
                    return type == "deposit" ? new DepositTx(index) : new ForcedWithdrawTx(index);
                }
                case "withdraw":
                    return new WithdrawTx(Account(t, "account"), Amount(t, "amount"), json.Address(t, "recipient"), json.Long(t, "nonce", 0),
                        Signature(json.Object(t, "signature")));
                case "trade":
                {
                    SeriesKey series = AccountJson.ReadSeriesKey(json, t, "series");
                    json.String(t, "seriesName");
                    Quantity fill = new(json.Long(t, "fill", 0, Quantity.MaxUnits));
                    SignedOrder maker = Order(json.Object(t, "maker"));
                    SignedOrder taker = Order(json.Object(t, "taker"));
                    Expect(series == maker.Order.Series, t, "series", $"is not the maker's series {maker.Order.Series}");
                    return new TradeTx(maker, taker, fill);
                }
                case "liquidationStart":
                    return new LiquidationStartTx(Account(t, "account"));
                case "liquidationBid":
                    return new LiquidationBidTx(Account(t, "liquidator"), Account(t, "victim"),
                        json.Long(t, "fraction", 1, LiquidationBidTx.FractionScale), Amount(t, "price"), json.Long(t, "nonce", 0),
                        Signature(json.Object(t, "signature")));
                case "liquidationEnd":
                    return new LiquidationEndTx(Account(t, "account"));
                case "settle":
                {
                    long account = Account(t, "account");
                    SeriesKey series = AccountJson.ReadSeriesKey(json, t, "series");
                    json.String(t, "seriesName");
                    return new SettleTx(account, series);
                }
                case "oracleUpdate":
                {
                    JsonObject e = json.Object(t, "epoch");
                    OracleEpoch epoch = OracleEpochJson.Read(e, json, p);
                    // Whether the id follows is a rule (oracle.forward) that the circuit names, not a question of form.
                    return new OracleUpdateTx(epoch);
                }
                case "riskRefresh":
                    return new RiskRefreshTx(Account(t, "account"));
                default:
                    throw json.Fail($"{JsonFields.PathOf(t, "type")} '{type}' is not a transaction type");
            }
        }

        private SignedOrder Order(JsonObject o) => SignedOrderJson.Read(o, json, p);

        private EddsaSignature Signature(JsonObject s) => SignedOrderJson.ReadSignature(s, json);

        private AccountUpdate Update(JsonObject u)
        {
            long index = Account(u, "index");
            Expect(u.ContainsKey("before"), u, "before", "is missing (null for a new account)");
            Account? before = u["before"] is null ? null : AccountJson.Read(json.Object(u, "before"), json, p);
            Account after = AccountJson.Read(json.Object(u, "after"), json, p);
            Expect(before is null || before.Index == index, u, "before.index", $"is not the update's index {index}");
            Expect(after.Index == index, u, "after.index", $"is not the update's index {index}");
            MerkleProof proof = AccountJson.ReadProof(u, "siblings", json, p.AccountTreeDepth);
            Fr opened = SparseMerkleTree.ComputeRoot(4, before?.LeafHash() ?? Fr.Zero, index, proof);
            Expect(opened == accountsRoot, u, "siblings", $"do not open the account root {accountsRoot} at index {index} with the leaf before");
            accountsRoot = SparseMerkleTree.ComputeRoot(4, after.LeafHash(), index, proof);
            return new AccountUpdate(index, before, after, proof);
        }

        private OrderSlotUpdate Slot(JsonObject s)
        {
            long account = Account(s, "account");
            long slot = json.Long(s, "slot", 0, p.OrderSlotCapacity - 1);
            var before = new OrderFill(json.Long(s, "storageIdBefore", 0), new Quantity(json.Long(s, "filledBefore", 0, Quantity.MaxUnits)));
            var after = new OrderFill(json.Long(s, "storageIdAfter", 0), new Quantity(json.Long(s, "filledAfter", 0, Quantity.MaxUnits)));
            return new OrderSlotUpdate(account, slot, before, after, AccountJson.ReadProof(s, "siblings", json, p.OrderTreeDepth));
        }

        private SeriesWitness Series(JsonObject s)
        {
            Expect(epochId != 0, s, "index", "reads a series, but no epoch is in force");
            long index = json.Long(s, "index", 0, Math.Min((1L << (2 * p.SeriesTreeDepth)) - 1, int.MaxValue));
            JsonArray ra = json.Array(s, "riskArray");
            if (ra.Count != p.ScenarioCount)
            {
                throw json.Fail($"{JsonFields.PathOf(ra)} has {ra.Count} values; the exchange uses {p.ScenarioCount} scenarios");
            }
            var values = new Usd[ra.Count];
            for (int j = 0; j < values.Length; j++)
            {
                values[j] = new Usd(json.Long(ra[j], JsonFields.PathOf(ra, $"[{j}]"), -(1L << 62), 1L << 62));
            }
            var risk = new SeriesRisk(AccountJson.ReadSeriesKey(json, s, "key"), new Usd(json.Long(s, "mark", 0, 1L << 62)),
                new Usd(json.Long(s, "shortCharge", 0, 1L << 62)), new Usd(json.Long(s, "settlementPrice", 0, 1L << 62)), values);
            MerkleProof proof = AccountJson.ReadProof(s, "siblings", json, p.SeriesTreeDepth);
            Expect(SparseMerkleTree.ComputeRoot(4, risk.LeafHash(), index, proof) == seriesRoot, s, "siblings",
                $"do not open the series root {seriesRoot} of epoch {epochId} at index {index}");
            return new SeriesWitness(risk, (int)index, proof);
        }

        private ExitRecord Exit(JsonObject e) => new(Account(e, "account"), json.Address(e, "recipient"), Amount(e, "amount"));

        private long Account(JsonObject o, string name) => json.Long(o, name, 0, p.AccountCapacity - 1);

        private Usd Amount(JsonObject o, string name) => new(json.Long(o, name, 0));

        private void Expect(bool ok, JsonObject parent, string name, string problem)
        {
            if (!ok)
            {
                throw json.Fail($"{JsonFields.PathOf(parent, name)} {problem}");
            }
        }
    }
}
