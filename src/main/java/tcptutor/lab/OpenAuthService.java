package tcptutor.lab;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;

/**
 * User authentication for {@code --auth open}: an SSH "none" request succeeds, so {@code ssh -o BatchMode=yes}
 * gets in with no key or password. MINA SSHD 2.20's own service always answers "none" with a failure (it only
 * uses it to list methods), whatever factories are set, so this service accepts it itself through the session's
 * public {@code signalAuthenticationSuccess}; every other request goes to MINA's service unchanged.
 */
final class OpenAuthService extends ServerUserAuthService {
    private OpenAuthService(Session s) throws IOException {
        super(s);
    }

    static ServiceFactory factory() {
        return new ServiceFactory() {
            @Override public String getName() { return "ssh-userauth"; }

            @Override public Service create(Session session) throws IOException {
                return new OpenAuthService(session);
            }
        };
    }

    @Override public synchronized void process(int cmd, Buffer buffer) throws Exception {
        ServerSession session = getServerSession();
        if (cmd == SshConstants.SSH_MSG_USERAUTH_REQUEST && !session.isAuthenticated()) {
            int start = buffer.rpos();
            String user = buffer.getString();
            String service = buffer.getString();
            String method = buffer.getString();
            if (method.equals("none")) {
                session.signalAuthenticationSuccess(user, service, buffer);
                return;
            }
            buffer.rpos(start);
        }
        super.process(cmd, buffer);
    }
}
