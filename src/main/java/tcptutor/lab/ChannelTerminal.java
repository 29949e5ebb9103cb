package tcptutor.lab;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Lanterna terminal on an SSH channel: ANSI output to the channel, keys decoded from the channel's input (where
 * the lab already turned Enter's '\r' into '\n'), and the size the client's PTY request and window-changes gave.
 * Asking the remote terminal for its size (Lanterna's default, a cursor-position report) is never needed.
 * Not a DefaultTerminalFactory terminal: nothing here touches the server's own console.
 */
final class ChannelTerminal extends ANSITerminal {
    private volatile TerminalSize size;

    ChannelTerminal(AppContext ctx) {
        // buffered: Lanterna writes each escape sequence on its own and flushes once per frame; one SSH packet a frame
        super(ctx.in(), new BufferedOutputStream(ctx.out(), 16 * 1024), StandardCharsets.UTF_8);
        size = new TerminalSize(ctx.size().columns(), ctx.size().rows());
        ctx.onResize(s -> {
            TerminalSize now = new TerminalSize(s.columns(), s.rows());
            size = now;
            onResized(now);
        });
    }

    @Override protected TerminalSize findTerminalSize() {
        return size;
    }
}
