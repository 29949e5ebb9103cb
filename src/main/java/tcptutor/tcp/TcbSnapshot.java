package tcptutor.tcp;

/**
 * A read-only copy of one connection's transmission control block (RFC 9293 3.3.1 names),
 * for views, lesson checks and quizzes. Sequence numbers are ints (print with Seq.str).
 * Windows are in bytes, already scaled; {@code sndMss} is the largest segment this side will send.
 */
public record TcbSnapshot(State state, int iss, int irs, int sndUna, int sndNxt, int sndWnd, int sndWl1, int sndWl2,
                          int rcvNxt, int rcvWnd, int sndWscale, int rcvWscale, int sndMss, boolean timestamps,
                          boolean sack, long rtoMicros, int unreadBytes, int unsentBytes) {}
