package tcptutor.session;

import tcptutor.tcp.Settings;

/**
 * How a session starts: engine settings (profile + knob overrides), the seed for ISNs and loss, how numbers are
 * shown and typed, assist mode, your port, the peer's listening port and backlog (peerPort 0: the peer does not
 * listen), and the one-way link delay. Addresses are the world's: you 192.0.2.1, the peer 192.0.2.2.
 */
public record SessionConfig(Settings settings, long seed, boolean relativeNumbers, boolean assist,
                            int youPort, int peerPort, int peerBacklog, long linkDelayMicros, Long yourIsn) {

    public static final int YOU_PORT = 40000, PEER_PORT = 80, PEER_BACKLOG = 128;

    /** Linux profile, seed 1, relative numbers, assist on, you at :40000, the peer listening on :80 (backlog 128), no delay. */
    public static SessionConfig defaults() {
        return new SessionConfig(Settings.linux(), 1, true, true, YOU_PORT, PEER_PORT, PEER_BACKLOG, 0, null);
    }

    public SessionConfig withSettings(Settings s) {
        return new SessionConfig(s, seed, relativeNumbers, assist, youPort, peerPort, peerBacklog, linkDelayMicros, yourIsn);
    }

    public SessionConfig withSeed(long s) {
        return new SessionConfig(settings, s, relativeNumbers, assist, youPort, peerPort, peerBacklog, linkDelayMicros, yourIsn);
    }

    public SessionConfig withRelativeNumbers(boolean on) {
        return new SessionConfig(settings, seed, on, assist, youPort, peerPort, peerBacklog, linkDelayMicros, yourIsn);
    }

    public SessionConfig withAssist(boolean on) {
        return new SessionConfig(settings, seed, relativeNumbers, on, youPort, peerPort, peerBacklog, linkDelayMicros, yourIsn);
    }

    /** The peer application listens on {@code port} (0: nothing listens) with this backlog. */
    public SessionConfig withPeerListening(int port, int backlog) {
        return new SessionConfig(settings, seed, relativeNumbers, assist, youPort, port, backlog, linkDelayMicros, yourIsn);
    }

    public SessionConfig withLinkDelay(long micros) {
        return new SessionConfig(settings, seed, relativeNumbers, assist, youPort, peerPort, peerBacklog, micros, yourIsn);
    }

    /** Assist gives your first SYN this ISN (then seeded random ones). */
    public SessionConfig withYourIsn(long isn) {
        return new SessionConfig(settings, seed, relativeNumbers, assist, youPort, peerPort, peerBacklog, linkDelayMicros, isn);
    }

    /** You send from this port by default. */
    public SessionConfig withYouPort(int port) {
        return new SessionConfig(settings, seed, relativeNumbers, assist, port, peerPort, peerBacklog, linkDelayMicros, yourIsn);
    }
}
