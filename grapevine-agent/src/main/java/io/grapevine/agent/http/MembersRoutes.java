package io.grapevine.agent.http;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import io.grapevine.net.Cluster;
import io.grapevine.net.KeyringStatus;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/members} (every member this node knows, tombstones included, by name;
 * {@code ?status=alive|suspect|dead|left} filters) and {@code GET /v1/members/{name}} (one
 * member with its transition history and reported keyring; 404 if unknown).
 */
final class MembersRoutes {
    private final Cluster cluster;

    MembersRoutes(Cluster cluster) {
        this.cluster = cluster;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/members", this::list);
        routes.get("/v1/members/{name}", this::one);
    }

    private void list(Context ctx) {
        String filter = ctx.queryParam("status");
        MemberStatus status = filter == null || filter.isEmpty() ? null : status(filter);
        long now = System.nanoTime();
        ctx.json(sorted(cluster.members()).stream()
                .filter(m -> status == null || m.status() == status)
                .map(m -> JsonViews.member(m, now))
                .toList());
    }

    private void one(Context ctx) {
        String name = ctx.pathParam("name");
        Member member = cluster.members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no member named " + name));
        // keyringStatus() reads every live member's report: only worth it when there are keyrings
        KeyringStatus keyring = cluster.keyring().isEmpty() ? null : cluster.keyringStatus().get(name);
        ctx.json(JsonViews.memberDetail(member, cluster.history(name),
                keyring == null ? null : JsonViews.keyring(keyring), System.nanoTime()));
    }

    private static MemberStatus status(String text) {
        try {
            return MemberStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("status must be one of " + Arrays.stream(MemberStatus.values())
                    .map(JsonViews::lower).toList() + ", was \"" + text + "\"");
        }
    }

    private static List<Member> sorted(List<Member> members) {
        return members.stream().sorted(Comparator.comparing(Member::name)).toList();
    }
}
