package tcptutor.lab;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.AbstractServerSession;
import org.apache.sshd.server.session.ServerConnectionService;

/**
 * The connection service: opens session channels only; any other channel (port forwarding with -L or -W, a
 * forwarded agent or X11 connection) is refused with a message the client prints, e.g. OpenSSH's
 * "channel 2: open failed: administratively prohibited: tcptutor: port forwarding is not offered here".
 */
final class LabConnectionService extends ServerConnectionService {
    static final String NO_FORWARDING = "tcptutor: port forwarding is not offered here";

    private final LabLog log;

    private LabConnectionService(AbstractServerSession s, LabLog log) throws SshException {
        super(s);
        this.log = log;
    }

    static ServiceFactory factory(LabLog log) {
        return new ServiceFactory() {
            @Override public String getName() { return "ssh-connection"; }

            @Override public Service create(Session session) throws IOException {
                return new LabConnectionService((AbstractServerSession) session, log);
            }
        };
    }

    @Override protected void channelOpen(Buffer buffer) throws Exception {
        int start = buffer.rpos();
        String type = buffer.getString();
        long sender = buffer.getUInt();
        if (!type.equals("session")) {
            org.apache.sshd.server.session.ServerSession s = getServerSession();
            log.info("refused a '" + type + "' channel for " + s.getUsername() + "@" + s.getClientAddress());
            String message = type.contains("tcpip") ? NO_FORWARDING : "tcptutor: '" + type + "' channels are not offered here";
            sendChannelOpenFailure(buffer, sender, SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, message, "");
            return;
        }
        buffer.rpos(start);
        super.channelOpen(buffer);
    }
}
