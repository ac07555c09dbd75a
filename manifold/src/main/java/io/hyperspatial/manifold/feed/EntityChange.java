package io.hyperspatial.manifold.feed;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * One entity touched by a logical operation and what about it changed ({@link ChangeFlag} bits).
 * Events name what changed, not the new values: a consumer reads the current state, so replaying
 * an event twice, or after later events, converges to the same result.
 */
public record EntityChange(UUID id, int mask) {
    public Set<ChangeFlag> flags() {
        EnumSet<ChangeFlag> set = EnumSet.noneOf(ChangeFlag.class);
        for (ChangeFlag f : ChangeFlag.values()) {
            if (f.in(mask)) {
                set.add(f);
            }
        }
        return set;
    }

    public boolean has(ChangeFlag flag) {
        return flag.in(mask);
    }
}
