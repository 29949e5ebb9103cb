package tcptutor.session;

import java.util.List;

/** The longer help for {@code help COMMAND}: what it does, how numbers are read, examples. */
final class HelpText {
    private HelpText() {}

    static List<String> details(String command) {
        return switch (command) {
            case "syn", "synack", "ack", "data", "fin", "rst", "send" -> List.of(
                    "  Fields: seq=N ack=N win=N sport=N dport=N; options: mss=N wscale=N sackok ts=VAL[,ECR] nop eol",
                    "  (options=none sends none); data: a \"quoted text\" or len=N.",
                    "  With 'set numbers relative' (the default) seq counts from your ISN and ack from the peer's,",
                    "  as the segment lines show them; a SYN's seq is its ISN, always absolute.",
                    "  Assist on: what you leave out is what a correct TCP would send. Assist off: give every number.",
                    "  Examples:  syn    syn seq=1000 win=64240 mss=1460    ack seq=1 ack=1 win=64240",
                    "             data \"hello\"    data 100    send F. seq=6 ack=1 win=64240    syn dport=81");
            case "<" -> List.of(
                    "  A packetdrill line, injected as written: seq as given (your own numbers), ack relative to the",
                    "  peer's ISN. Example:  < S 0:0(0) win 64240 <mss 1460>   then   < . 1:1(0) ack 1 win 64240");
            case "you" -> List.of(
                    "  Your side runs a real TCP stack from the first 'you' command on (it leaves raw mode).",
                    "  you connect [PORT]   you listen [PORT]   you accept   you send \"text\"|N   you read [N]",
                    "  you close   you shutdown (SHUT_WR)   you abort (RST via SO_LINGER 0)");
            case "peer" -> List.of(
                    "  peer listen [PORT] [backlog=N]   peer accept   peer connect [PORT]   peer send \"text\"|N",
                    "  peer read [N]   peer close   peer shutdown   peer abort   peer setsockopt NAME VALUE",
                    "  A command that needs the peer's connection accepts a queued one first.",
                    "  Socket options: SO_REUSEADDR SO_LINGER SO_KEEPALIVE TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT",
                    "  TCP_NODELAY TCP_LINGER2 (values are numbers; on/off for flags).");
            case "wait" -> List.of(
                    "  Units: us, ms, s, min, h, msl (MSL is tcp_msl seconds: 30 on linux, 120 on rfc9293).",
                    "  Timers that fall due fire on the way. Examples: wait 200ms   wait 3s   wait 2msl");
            case "step" -> List.of("  Jumps to the next scheduled event (a timer, a segment in flight) and runs it.");
            case "drop", "dup", "delay" -> List.of(
                    "  'from peer' (the default) is the next segment the peer sends; 'to peer' is your next one.",
                    "  Examples: drop next   drop next to peer   dup next   delay next 300ms from peer");
            case "loss" -> List.of("  Seeded random loss in both directions: loss 10%, loss 0 (off).");
            case "show" -> List.of(
                    "  state: both sides' states   tcb [you|peer]: the RFC 9293 variables   timers: running timers",
                    "  header [#N]: every field of a segment   hex [#N]: its bytes   trace: everything so far",
                    "  diagram: the state diagram with both states marked   ladder: the sequence diagram",
                    "  settings: profile, seed and every knob");
            case "explain" -> List.of("  Why segment #N (default: the last one) was sent, and what its receiver did with it.");
            case "set" -> List.of(
                    "  set numbers relative|absolute   set assist on|off   set profile linux|rfc9293",
                    "  set seed N (starts again)   set delay 10ms (one-way link delay)",
                    "  set KNOB=VALUE, e.g. set tcp_syn_retries=3, set tcp_rmem=4096,131072,6291456 ('show settings')");
            case "save", "load" -> List.of(
                    "  The journal is every command that shaped this world since the last reset. 'load' starts again",
                    "  from a fresh world and replays the file, which gives the identical trace.");
            case "export" -> List.of(
                    "  export pcap FILE: every segment so far, as it left its sender (lost ones too), with IPv4 addresses",
                    "  192.0.2.1 (you) and 192.0.2.2 (peer), correct checksums, and virtual time after 2025-01-01 00:00 UTC.",
                    "  Open it with:  wireshark FILE   or   tcpdump -nn -r FILE   ('tcptutor explain FILE' reads it back).");
            default -> List.of();
        };
    }
}
