package io.grapevine.agent.run;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.core.base.Address;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which address the node tells other members to reach it at. {@code --advertise} wins; a
 * specific {@code --bind} host advertises itself; a wildcard bind ({@code 0.0.0.0}, {@code ::})
 * advertises the machine's first private IPv4 address, else its first other non-loopback IPv4
 * address (memberlist's choice, by interface name so that the choice is stable), on the bound port.
 */
final class AdvertiseAddress {
    private AdvertiseAddress() {
    }

    /**
     * The address to advertise, or empty to let the runtime use the bind address.
     *
     * @param config the agent's configuration (bind and advertise)
     * @return the host and port (0: the bound port) to advertise, or empty
     * @throws AgentStartException naming {@code --advertise} when the bind is a wildcard and the
     *                             machine has no address to advertise
     */
    static Optional<Address> choose(AgentConfig config) {
        Optional<Address> given = config.advertiseAddress();
        if (given.isPresent() || !isWildcard(config.bind().host())) {
            return given;
        }
        List<InetAddress> candidates = ipv4Candidates();
        Optional<InetAddress> chosen = candidates.stream().filter(InetAddress::isSiteLocalAddress).findFirst()
                .or(() -> candidates.stream().findFirst());
        return Optional.of(new Address(chosen.orElseThrow(() -> new AgentStartException("--advertise is required: --bind "
                + config.bind() + " is a wildcard and this machine has no non-loopback IPv4 address to advertise"))
                .getHostAddress(), 0));
    }

    /** True for the IPv4 and IPv6 any-addresses. */
    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    private static List<InetAddress> ipv4Candidates() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(AdvertiseAddress::usable)
                    .sorted(Comparator.comparing(NetworkInterface::getName))
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
