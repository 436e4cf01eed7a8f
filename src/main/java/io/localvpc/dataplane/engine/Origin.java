package io.localvpc.dataplane.engine;

import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NetworkInterface;

/** Where a probe starts: an interface (an instance's), or a client on the internet. */
public sealed interface Origin {
    Site site();

    Ipv4 address();

    record FromInterface(Site site, NetworkInterface eni) implements Origin {
        @Override
        public Ipv4 address() {
            return eni.privateIp();
        }
    }

    /** An internet client at {@code address}; {@code site} is the region whose resources it aims at. */
    record FromInternet(Site site, Ipv4 address) implements Origin {}
}
