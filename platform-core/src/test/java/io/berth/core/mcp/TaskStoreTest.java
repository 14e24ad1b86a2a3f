package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.TestClusterMembers;
import io.berth.core.json.JsonFactories;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Task state in a real embedded Hazelcast cluster of two members (two "nodes"). */
class TaskStoreTest {

    private static ClusterMember nodeA;
    private static ClusterMember nodeB;
    private static TaskStore storeA;
    private static TaskStore storeB;

    @BeforeAll
    static void cluster() {
        String name = "task-store-test-" + UUID.randomUUID();
        nodeA = TestClusterMembers.start(name, List.of());
        nodeB = TestClusterMembers.start(name, List.of(TestClusterMembers.address(nodeA)));
        storeA = store(nodeA);
        storeB = store(nodeB);
    }

    @AfterAll
    static void leave() {
        TestClusterMembers.stop(nodeB);
        TestClusterMembers.stop(nodeA);
    }

    static TaskStore store(ClusterMember member) {
        TaskStore store = new TaskStore();
        store.cluster = member;
        store.listen();
        return store;
    }

    /** A running task's hooks, counted. */
    static final class CountingRun implements TaskStore.Running {
        final AtomicInteger wakes = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();

        @Override
        public void wake() {
            wakes.incrementAndGet();
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    private static String newKey(String taskId) {
        return TaskStore.key("acme", "alice", taskId);
    }

    @Test
    void bothMembersFormedOneCluster() {
        assertEquals(2, nodeA.memberCount());
        assertEquals(2, nodeB.memberCount());
    }

    @Test
    void aCreatedTaskHasTheWireShapeOfTheTasksExtension() {
        String id = UUID.randomUUID().toString();
        Instant before = Instant.now().minusMillis(1);

        JsonObject task = storeA.create(newKey(id), id, null);

        assertEquals(Set.of("taskId", "status", "createdAt", "lastUpdatedAt", "ttlMs", "pollIntervalMs"),
                task.keySet());
        assertEquals(id, task.getString("taskId"));
        assertEquals("working", task.getString("status"));
        Instant created = Instant.parse(task.getString("createdAt"));
        assertTrue(!created.isBefore(before) && !created.isAfter(Instant.now()), created.toString());
        assertEquals(task.getString("createdAt"), task.getString("lastUpdatedAt"));
        JsonNumber ttl = task.getJsonNumber("ttlMs");
        assertTrue(ttl.isIntegral() && ttl.longValueExact() > 0, ttl.toString());
        JsonNumber poll = task.getJsonNumber("pollIntervalMs");
        assertTrue(poll.isIntegral() && poll.longValueExact() > 0, poll.toString());
        assertFalse(task.containsKey("ttl") || task.containsKey("pollInterval"));
        assertEquals(task, TaskStore.wire(task, false));
    }

    @Test
    void anyMemberFindsATaskCreatedOnAnother() {
        String id = UUID.randomUUID().toString();
        JsonObject task = storeA.create(newKey(id), id, null);
        assertEquals(Optional.of(task), storeA.find(newKey(id)));
        assertEquals(Optional.of(task), storeB.find(newKey(id)));
    }

    @Test
    void theKeyHoldsTenantPrincipalAndTaskId() {
        String id = UUID.randomUUID().toString();
        storeA.create(newKey(id), id, null);
        assertEquals(Optional.empty(), storeA.find(TaskStore.key("other", "alice", id)));
        assertEquals(Optional.empty(), storeA.find(TaskStore.key("acme", "bob", id)));
        assertEquals(Optional.empty(), storeA.find(newKey(UUID.randomUUID().toString())));
    }

    @Test
    void updateAppliesTheChangeAndStampsIt() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        JsonObject created = storeA.create(newKey(id), id, null);
        Thread.sleep(5); // lastUpdatedAt has millisecond resolution

        JsonObject next = storeB.update(newKey(id), t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                .add("statusMessage", "half way").build()).orElseThrow();

        assertEquals("half way", next.getString("statusMessage"));
        assertEquals(created.getString("createdAt"), next.getString("createdAt"));
        assertTrue(Instant.parse(next.getString("lastUpdatedAt")).isAfter(Instant.parse(created.getString("createdAt"))));
        assertEquals(Optional.of(next), storeA.find(newKey(id)));
    }

    @Test
    void anUnknownTaskIsNotUpdated() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(Optional.empty(), storeA.update(newKey("nope-" + UUID.randomUUID()), t -> {
            calls.incrementAndGet();
            return t;
        }));
        assertEquals(0, calls.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed", "cancelled"})
    void aTaskInATerminalStateChangesNoMore(String status) {
        String id = UUID.randomUUID().toString();
        storeA.create(newKey(id), id, null);
        JsonObject ended = storeA.update(newKey(id), t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                .add("status", status).build()).orElseThrow();
        AtomicInteger calls = new AtomicInteger();

        Optional<JsonObject> after = storeB.update(newKey(id), t -> {
            calls.incrementAndGet();
            return JsonFactories.BUILDERS.createObjectBuilder(t).add("status", "working").build();
        });

        assertEquals(Optional.empty(), after);
        assertEquals(0, calls.get());
        assertEquals(Optional.of(ended), storeA.find(newKey(id)));
        assertTrue(TaskStore.terminal(ended));
    }

    @ParameterizedTest
    @ValueSource(strings = {"working", "input_required"})
    void aRunningTaskIsNotTerminal(String status) {
        assertFalse(TaskStore.terminal(obj("{'status':'" + status + "'}")));
    }

    @Test
    void aChangeThatLostARaceIsAppliedAgainOnTheNewState() {
        String id = UUID.randomUUID().toString();
        storeA.create(newKey(id), id, null);
        AtomicInteger calls = new AtomicInteger();

        JsonObject result = storeA.update(newKey(id), t -> {
            if (calls.incrementAndGet() == 1) {
                // another node changes the task between this node's read and write
                storeB.update(newKey(id), o -> JsonFactories.BUILDERS.createObjectBuilder(o).add("fromB", 1).build());
            }
            return JsonFactories.BUILDERS.createObjectBuilder(t).add("fromA", 1).build();
        }).orElseThrow();

        assertEquals(2, calls.get());
        assertEquals(1, result.getInt("fromB"));
        assertEquals(1, result.getInt("fromA"));
        assertEquals(Optional.of(result), storeB.find(newKey(id)));
    }

    @Test
    void concurrentUpdatesAreNeverLost() throws Exception {
        String id = UUID.randomUUID().toString();
        storeA.create(newKey(id), id, null);
        int threads = 6;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                TaskStore store = i % 2 == 0 ? storeA : storeB;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < each; n++) {
                        store.update(newKey(id), t -> JsonFactories.BUILDERS.createObjectBuilder(t)
                                .add("count", t.getInt("count", 0) + 1).build()).orElseThrow();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, storeA.find(newKey(id)).orElseThrow().getInt("count"));
    }

    @Test
    void theWireFormLeavesOutTheAnswers() {
        JsonObject task = TaskStore.withAnswers(obj("{'taskId':'t','status':'input_required',"
                + "'inputRequests':{'b':{}},'result':{'content':[]},'error':{'code':-32603}}"), obj("{'a':{'action':'accept'}}"));
        assertEquals(obj("{'a':{'action':'accept'}}"), TaskStore.answers(task));
        assertEquals(obj("{'taskId':'t','status':'input_required','inputRequests':{'b':{}},'result':{'content':[]},"
                + "'error':{'code':-32603}}"), TaskStore.wire(task, true));
        assertEquals(obj("{'taskId':'t','status':'input_required'}"), TaskStore.wire(task, false));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, TaskStore.answers(obj("{'taskId':'t'}")));
    }

    @Test
    void aSignalReachesTheTaskRunningOnThisNode() {
        String id = UUID.randomUUID().toString();
        CountingRun run = new CountingRun();
        storeA.create(newKey(id), id, run);

        storeA.signal(newKey(id), "wake");
        storeA.signal(newKey(id), "cancel");

        assertEquals(1, run.wakes.get());
        assertEquals(1, run.cancels.get());
    }

    @Test
    void aSignalPostedOnAnotherNodeReachesTheRunningTask() {
        String id = UUID.randomUUID().toString();
        CountingRun run = new CountingRun();
        storeA.create(newKey(id), id, run);

        storeB.signal(newKey(id), "wake");
        await().atMost(Duration.ofSeconds(10)).until(() -> run.wakes.get() == 1);
        storeB.signal(newKey(id), "cancel");
        await().atMost(Duration.ofSeconds(10)).until(() -> run.cancels.get() == 1);

        assertEquals(1, run.wakes.get());
    }

    @Test
    void aFinishedTaskIsNoLongerSignalled() {
        String id = UUID.randomUUID().toString();
        CountingRun run = new CountingRun();
        storeA.create(newKey(id), id, run);
        storeA.finished(newKey(id));
        String barrierId = UUID.randomUUID().toString();
        CountingRun barrier = new CountingRun();
        storeA.create(newKey(barrierId), barrierId, barrier);

        // Signals from one member arrive in order: once the barrier's has arrived, the others have been handled.
        storeB.signal(newKey(id), "cancel");
        storeB.signal(newKey(id), "wake");
        storeB.signal(newKey(barrierId), "wake");
        await().atMost(Duration.ofSeconds(10)).until(() -> barrier.wakes.get() == 1);

        assertEquals(0, run.wakes.get());
        assertEquals(0, run.cancels.get());
    }
}
