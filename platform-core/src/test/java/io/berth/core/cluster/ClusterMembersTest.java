package io.berth.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class ClusterMembersTest {

    private static List<String> members(Optional<String> setting) {
        ClusterConfig config = new ClusterConfig();
        config.members = setting;
        return config.members();
    }

    @Test
    void splitsOnCommasAndTrimsEachMember() {
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"),
                members(Optional.of(" 127.0.0.1:5701 , ,127.0.0.1:5702")));
        assertEquals(List.of("node-a:5701"), members(Optional.of("node-a:5701")));
    }

    @Test
    void hasNoMembersWhenUnsetOrBlank() {
        assertEquals(List.of(), members(Optional.empty()));
        assertEquals(List.of(), members(Optional.of("")));
        assertEquals(List.of(), members(Optional.of(" , ")));
    }
}
