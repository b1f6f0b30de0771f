package dev.dockwire.docker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dockwire.docker.EngineException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code docker network create}'s address flags: the 28.2 client's createIPAMConfig errors
 * (tut-ipam.sh holds those the reference engine printed) and the 28 daemon's ValidateIPAM texts,
 * which 20.10 does not have (moby v28.2.2 api/types/network/ipam.go).
 */
class IpamFlagsTest {
    private static String client(List<String> subnets, List<String> ranges, List<String> gateways, Map<String, String> aux) {
        return assertThrows(IpamFlags.ClientError.class, () -> IpamFlags.parse(subnets, ranges, gateways, aux)).getMessage();
    }

    private static String daemon(List<String> subnets, List<String> ranges, List<String> gateways) {
        return assertThrows(EngineException.class, () -> IpamFlags.parse(subnets, ranges, gateways, Map.of())).getMessage();
    }

    @Test
    void theClientRefusesWhatItCannotPlaceInASubnet() {
        assertEquals("every ip-range or gateway must have a corresponding subnet", client(List.of(), List.of(), List.of("10.0.0.1"), Map.of()));
        assertEquals("no matching subnet for gateway 10.1.0.1", client(List.of("10.0.0.0/16"), List.of(), List.of("10.1.0.1"), Map.of()));
        assertEquals("no matching subnet for gateway nonsense", client(List.of("10.0.0.0/16"), List.of(), List.of("nonsense"), Map.of()));
        assertEquals("no matching subnet for range 10.1.0.0/24", client(List.of("10.0.0.0/16"), List.of("10.1.0.0/24"), List.of(), Map.of()));
        assertEquals("invalid CIDR address: 10.0.0.0/40", client(List.of("10.0.0.0/16"), List.of("10.0.0.0/40"), List.of(), Map.of()));
        assertEquals("invalid subnet: invalid CIDR address: 10.0.0.0", client(List.of("10.0.0.0"), List.of(), List.of("10.0.0.1"), Map.of()));
        assertEquals("no matching subnet for aux-address 10.1.0.2", client(List.of("10.0.0.0/16"), List.of(), List.of(), Map.of("a", "10.1.0.2")));
        assertEquals("multiple overlapping subnet configuration is not supported",
                client(List.of("10.0.0.0/16", "10.0.1.0/24"), List.of(), List.of(), Map.of()));
    }

    @Test
    void theDaemonSaysWhatIsWrongWithASubnetAndItsRange() {
        assertEquals("invalid network config:\ninvalid subnet 10.0.0.0/33: invalid CIDR block notation",
                daemon(List.of("10.0.0.0/33"), List.of(), List.of()));
        assertEquals("invalid network config:\ninvalid subnet 10.0.0.1/24: it should be 10.0.0.0/24",
                daemon(List.of("10.0.0.1/24"), List.of(), List.of()));
        // every reason, as internal/multierror joins them
        assertEquals("invalid network config:\n* invalid ip-range 10.0.0.1/16: CIDR block is bigger than its parent subnet 10.0.0.0/24\n"
                + "* invalid ip-range 10.0.0.1/16: it should be 10.0.0.0/16", daemon(List.of("10.0.0.0/24"), List.of("10.0.0.1/16"), List.of()));
    }

    @Test
    void aConsistentConfigurationIsPassedOn() {
        IpamFlags.Config c = IpamFlags.parse(List.of("10.0.0.0/16"), List.of("10.0.5.0/24"), List.of("10.0.5.254"), Map.of("host1", "10.0.0.2"));
        assertEquals("10.0.0.0/16 10.0.5.0/24 10.0.5.254 {host1=10.0.0.2}", c.subnet() + " " + c.ipRange() + " " + c.gateway() + " " + c.aux());
    }
}
