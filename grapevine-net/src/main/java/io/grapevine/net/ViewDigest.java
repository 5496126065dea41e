package io.grapevine.net;

import io.grapevine.core.membership.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * A 64-bit digest of one node's member view: the live members (name and generation; alive and
 * suspect alike), order-independent. Two nodes whose digests are equal see the same live
 * cluster. Suspicion is left out on purpose: under CPU starvation (64 agents on two cores)
 * suspicions and refutations come and go every second, and a digest that changed with each of
 * them was republished by every node every second, feeding the overload it reported.
 * Published under {@link Cluster#VIEW_KEY} as 16 hex digits. Stateless.
 */
final class ViewDigest {
    private ViewDigest() {
    }

    /** The digest of {@code members} (only the live ones count). */
    static String of(List<Member> members) {
        List<String> live = new ArrayList<>();
        for (Member member : members) {
            if (member.status().isLive()) {
                live.add(member.name() + '\u0000' + member.id().generation());
            }
        }
        live.sort(null);
        long h = 0xcbf29ce484222325L;
        for (String entry : live) {
            for (int i = 0; i < entry.length(); i++) {
                h = (h ^ entry.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ '\n') * 0x100000001b3L;
        }
        return String.format("%016x", h);
    }
}
