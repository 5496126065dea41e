package io.grapevine.net;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * A 64-bit digest of one node's member view: the live members (name, generation, and whether
 * suspect), order-independent. Two nodes whose digests are equal see the same live cluster.
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
                live.add(member.name() + '\u0000' + member.id().generation() + '\u0000'
                        + (member.status() == MemberStatus.SUSPECT ? 's' : 'a'));
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
