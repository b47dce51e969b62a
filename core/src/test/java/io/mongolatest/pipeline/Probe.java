package io.mongolatest.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import io.mongolatest.ledger.RunKey;
import io.mongolatest.ledger.RunLedger;
import io.mongolatest.ledger.RunStatus;

/**
 * A builtin for runner tests: records that it ran and the ledger status it saw, fails when told to,
 * or waits until the run is cancelled.
 */
final class Probe implements BuiltinStep {
    final List<String> ran = new CopyOnWriteArrayList<>();
    final Map<String, RunStatus> statusSeen = new ConcurrentHashMap<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final Set<String> blocking = ConcurrentHashMap.newKeySet();
    final CountDownLatch blocked = new CountDownLatch(1);
    private final RunLedger ledger;

    Probe(RunLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public StepOutcome run(StepContext ctx) {
        String name = ctx.step().name();
        ran.add(name);
        RunKey key = new RunKey(ctx.params().correlationId(), ctx.product().pipeline().dataProduct());
        ledger.read(key).ifPresent(r -> statusSeen.put(name, r.status()));
        if (blocking.contains(name)) {
            blocked.countDown();
            if (!ctx.cancellation().await(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("never cancelled");
            }
            throw new IllegalStateException("stopped by cancellation");
        }
        if (failing.contains(name)) {
            throw new IllegalStateException("probe told to fail");
        }
        return StepOutcome.rows(name.length());
    }
}
