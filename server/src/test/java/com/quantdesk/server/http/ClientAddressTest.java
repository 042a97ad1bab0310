package com.quantdesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddress.limitKey("203.0.113.7")).isEqualTo("ip:203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSubscriberNetworkShareTheirBuckets() {
        String one = ClientAddress.limitKey("2001:db8:aa:bb::1");
        assertThat(one).isEqualTo("ip6:20010db800aa00bb/64");
        assertThat(ClientAddress.limitKey("2001:db8:aa:bb:ffff:1234:5678:9abc")).isEqualTo(one);
        assertThat(ClientAddress.limitKey("2001:db8:aa:bc::1")).isNotEqualTo(one);
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsItIs() {
        assertThat(ClientAddress.limitKey("unknown")).isEqualTo("ip:unknown");
    }
}
