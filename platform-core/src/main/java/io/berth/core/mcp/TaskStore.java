package io.berth.core.mcp;

import io.berth.core.cluster.ClusterMember;
import io.berth.core.json.JsonFactories;

import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Tasks (the {@code io.modelcontextprotocol/tasks} extension), cluster-wide: each task's state is a JSON document in
 * a Hazelcast map keyed by tenant, principal and task id, so any node answers {@code tasks/get}. The work itself runs
 * on the node that created the task; updates and cancellations posted to other nodes reach it through a topic.
 * A task is kept for its {@code ttlMs} after its last change; a node that dies takes its running tasks with it (they
 * expire as {@code working}).
 */
@ApplicationScoped
public class TaskStore {

    static final String MAP = "berth.mcp-tasks";
    static final String TOPIC = "berth.mcp-task-signals";
    static final long TTL_MS = 3_600_000;
    static final long POLL_INTERVAL_MS = 1_000;
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");
    /** Members kept in the document but never sent: the answers gathered so far. */
    private static final String ANSWERS = "answers";

    /** What a running task does when the client answers or cancels. */
    interface Running {
        void wake();

        void cancel();
    }

    @Inject
    ClusterMember cluster;

    private final Map<String, Running> local = new ConcurrentHashMap<>();

    /** Subscribes this node to task signals; called once at start-up. */
    public void listen() {
        topic().addMessageListener(m -> {
            String[] parts = m.getMessageObject().split("\n", 2);
            if (parts.length == 2) {
                deliverHere(parts[0], parts[1]);
            }
        });
    }

    static String key(String tenant, String principal, String taskId) {
        return ScopedKeys.of(tenant, principal, taskId);
    }

    JsonObject create(String key, String taskId, Running run) {
        String now = now();
        JsonObject task = JsonFactories.BUILDERS.createObjectBuilder()
                .add("taskId", taskId).add("status", "working").add("createdAt", now).add("lastUpdatedAt", now)
                .add("ttlMs", TTL_MS).add("pollIntervalMs", POLL_INTERVAL_MS).build();
        map().set(key, task.toString(), TTL_MS, TimeUnit.MILLISECONDS);
        if (run != null) {
            local.put(key, run);
        }
        return task;
    }

    Optional<JsonObject> find(String key) {
        return Optional.ofNullable(map().get(key)).map(TaskStore::parse);
    }

    /** The tasks whose keys match {@code predicate} (a query across the cluster). */
    java.util.List<JsonObject> all(com.hazelcast.query.Predicate<String, String> predicate) {
        return map().values(predicate).stream().map(TaskStore::parse).toList();
    }

    /**
     * Applies {@code change} atomically (compare-and-set); a task in a terminal state changes no more.
     * Returns the new state, or empty when the task is unknown or finished already.
     */
    Optional<JsonObject> update(String key, UnaryOperator<JsonObject> change) {
        IMap<String, String> map = map();
        while (true) {
            String current = map.get(key);
            if (current == null) {
                return Optional.empty();
            }
            JsonObject task = parse(current);
            if (terminal(task)) {
                return Optional.empty();
            }
            JsonObject next = JsonFactories.BUILDERS.createObjectBuilder(change.apply(task))
                    .add("lastUpdatedAt", now()).build();
            if (map.replace(key, current, next.toString())) {
                map.setTtl(key, TTL_MS, TimeUnit.MILLISECONDS);
                return Optional.of(next);
            }
        }
    }

    /** Tells the node running the task that it was answered ({@code wake}) or cancelled. */
    void signal(String key, String what) {
        if (!deliverHere(key, what)) {
            topic().publish(key + '\n' + what);
        }
    }

    void finished(String key) {
        local.remove(key);
    }

    private boolean deliverHere(String key, String what) {
        Running run = local.get(key);
        if (run == null) {
            return false;
        }
        if (what.equals("cancel")) {
            run.cancel();
        } else {
            run.wake();
        }
        return true;
    }

    static boolean terminal(JsonObject task) {
        return task.get("status") instanceof JsonString s && TERMINAL.contains(s.getString());
    }

    static JsonObject answers(JsonObject task) {
        return task.get(ANSWERS) instanceof JsonObject a ? a : JsonObject.EMPTY_JSON_OBJECT;
    }

    static JsonObject withAnswers(JsonObject task, JsonObject answers) {
        return JsonFactories.BUILDERS.createObjectBuilder(task).add(ANSWERS, answers).build();
    }

    /** The task as sent: without internals; {@code detailed} adds inputRequests, result and error (tasks/get). */
    static JsonObject wire(JsonObject task, boolean detailed) {
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder(task).remove(ANSWERS);
        if (!detailed) {
            b.remove("inputRequests").remove("result").remove("error");
        }
        return b.build();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = JsonFactories.READERS.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private IMap<String, String> map() {
        return cluster.hazelcast().getMap(MAP);
    }

    private ITopic<String> topic() {
        return cluster.hazelcast().getTopic(TOPIC);
    }
}
